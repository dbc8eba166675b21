/** The first page a reader opens after a pause, when Firefox has stopped Backstory's background (after 30 s idle). */
import type { Page } from 'puppeteer-core';
import { watchFirstHighlight } from '../../tooling/first-highlight';
import { backgroundStartedAt, stopBackground } from '../../tooling/firefox-window';
import { paintedTextsInPage } from '../../tooling/painted-texts';
import { expect, test, withWindowAccess } from './fixtures';
import { badgeText } from './toolbar-popup';

/** Notes, in the page's main world, when the first frame with a highlight came, on the wall clock. */
const WATCH_FIRST_HIGHLIGHT = watchFirstHighlight('__firstHighlightAt', 'wall');

const painted = (tab: Page) => tab.evaluate(paintedTextsInPage);

test('with the background stopped, the first page shows its names before the background has started again, and the badge counts them once it has', async ({
  server,
}) => {
  // Extensions in their own process, as in any Firefox the reader runs.
  await withWindowAccess({ 'extensions.webextensions.remote': true }, async (browser, extensionId) => {
    // Installed, the story stored and the pack it came from noted for pages.
    const first = await browser.newPage();
    await first.goto(`${server.origin}/demo`);
    await expect.poll(async () => (await painted(first)).length).toBeGreaterThan(5);
    await expect.poll(() => badgeText(browser, extensionId)).toMatch(/^\d+$/);
    await first.close();
    await stopBackground(browser, extensionId);

    const tab = await browser.newPage();
    await tab.evaluateOnNewDocument(WATCH_FIRST_HIGHLIGHT);
    await tab.goto(`${server.origin}/demo`);
    await tab.waitForFunction(() => (window as { __firstHighlightAt?: number }).__firstHighlightAt !== undefined);
    const highlightAt = await tab.evaluate(() => (window as { __firstHighlightAt?: number }).__firstHighlightAt!);
    // What starts it: the first report of the names found, sent once they were shown.
    await expect.poll(() => backgroundStartedAt(browser)).not.toBeNull();
    expect(await backgroundStartedAt(browser)).toBeGreaterThan(highlightAt);
    await expect.poll(async () => Number(await badgeText(browser, extensionId))).toBeGreaterThan(10);
  });
});
