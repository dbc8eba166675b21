/**
 * Firefox that never remembers history (permanent private browsing, `browser.privatebrowsing.autostart`): every
 * window is private, and Firefox refuses Backstory's background its IndexedDB; the story is served from one in
 * memory (background/memory-database.ts), built again from the bundled pack whenever the background starts.
 */
import type { Page } from 'puppeteer-core';
import { backgroundStartedAt, stopBackground } from '../../tooling/firefox-window';
import { paintedTextsInPage } from '../../tooling/painted-texts';
import { textPointInPage } from '../../tooling/text-point';
import { cardPointsInPage } from '../../tooling/card-points';
import { expect, test, withWindowAccess } from './fixtures';
import { allowInPrivateWindows, closeToolbarPopup, onThisPageText, openToolbarPopup, privateBrowsingState } from './toolbar-popup';

const painted = (tab: Page) => tab.evaluate(paintedTextsInPage);

/** Hovers `text` afresh until its card shows, and takes the pointer away. */
async function expectCardOnHover(tab: Page, text: string): Promise<void> {
  await expect
    .poll(async () => {
      await tab.mouse.move(5, 790);
      const point = await tab.evaluate(textPointInPage, { text, occurrence: 0 });
      await tab.mouse.move(point!.x, point!.y);
      await new Promise((done) => setTimeout(done, 300));
      return tab.evaluate(cardPointsInPage);
    })
    .toBeGreaterThan(100);
  await tab.mouse.move(5, 790);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBe(0);
}

test('in Firefox that never remembers history, the demo article’s names are highlighted, a card opens on hover and the popup lists the names, after the background stops too', async ({
  server,
}) => {
  await withWindowAccess({ 'browser.privatebrowsing.autostart': true }, async (browser, extensionId) => {
    expect(await privateBrowsingState(browser)).toEqual({ permanent: true, privateWindow: true });
    await allowInPrivateWindows(browser, extensionId);
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`${server.origin}/demo`);
    await expect.poll(() => painted(tab)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong Un', 'John Kirby', 'North Korea']));
    await expectCardOnHover(tab, 'John Kirby');

    await openToolbarPopup(browser, extensionId);
    await expect.poll(() => onThisPageText(browser)).toContain('20 names from this story');
    await closeToolbarPopup(browser);

    // Stopped (as after 30 s idle), its memory gone: the next card wakes it, and it builds the story again.
    await stopBackground(browser, extensionId);
    await tab.reload();
    await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(20);
    await expectCardOnHover(tab, 'Kim Jong Un');
    expect(await backgroundStartedAt(browser)).not.toBeNull();
  });
});
