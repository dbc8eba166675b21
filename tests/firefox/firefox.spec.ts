import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { paintedTextsInPage } from '../../tooling/painted-texts';
import { textPointInPage } from '../../tooling/text-point';
import { liveScorePage } from '../../tooling/web-component-page';
import { expect, FIREFOX_BUILD, test } from './fixtures';
import { findFirefox } from '../../tooling/find-browser';
import { clickToolbarPopupSwitch, launchFirefoxWithPopupAccess, openToolbarPopup, toolbarPopupText } from './toolbar-popup';

const painted = (tab: Page) => tab.evaluate(paintedTextsInPage);

/**
 * Runs in the page: how many points of a 20 px grid over the viewport show our
 * card. The card is in a closed shadow root; the page sees only its host there.
 */
function cardPointsInPage(): number {
  let points = 0;
  for (let y = 10; y < innerHeight; y += 20) {
    for (let x = 10; x < innerWidth; x += 20) if (document.elementFromPoint(x, y)?.localName === 'backstory-card') points++;
  }
  return points;
}

test('in Firefox, the demo article is highlighted and hovering a name opens its card', async ({ tab, server, tabErrors }) => {
  await tab.goto(`${server.origin}/demo`);
  await expect.poll(() => painted(tab)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong Un', 'John Kirby', 'North Korea']));
  expect(await tab.evaluate(cardPointsInPage)).toBe(0);

  const point = await tab.evaluate(textPointInPage, { text: 'John Kirby', occurrence: 0 });
  await tab.mouse.move(point!.x, point!.y);
  // A card of some 300 × 150 px or more, over the page.
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  expect(await tab.evaluate(() => document.querySelector('backstory-card')?.shadowRoot ?? null)).toBeNull();

  await tab.mouse.move(5, 790);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBe(0);
  expect(tabErrors).toEqual([]);
});

test('in Firefox, the toolbar popup lists the names the tab mentions, and its switches apply to the page', async ({ firefox, server }) => {
  test.skip(!firefox, 'No Firefox: install firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.');
  const { browser, extensionId } = await launchFirefoxWithPopupAccess(findFirefox()!, FIREFOX_BUILD);
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/demo`);
    await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(20);
    const before = (await painted(tab)).length;
    await openToolbarPopup(browser, extensionId);
    await expect.poll(() => toolbarPopupText(browser)).toContain('20 names from this story');
    const text = (await toolbarPopupText(browser))!;
    expect(text).toContain('Putin Praises North Korea’s Support');
    expect(text).toContain('John Kirby of the U.S. National Security Council expressed concern');
    expect(text).toMatch(/North Korea\s*13/);

    await clickToolbarPopupSwitch(browser, 'People');
    await expect.poll(async () => (await painted(tab)).length).toBeLessThan(before);
    expect(await painted(tab)).not.toContain('Vladimir Putin');
    await clickToolbarPopupSwitch(browser, 'People');
    await expect.poll(async () => (await painted(tab)).length).toBe(before);

    // Each site switched off is a key of its own in Firefox's storage.sync too.
    await clickToolbarPopupSwitch(browser, 'Off on this site');
    await expect.poll(async () => (await painted(tab)).length).toBe(0);
    await clickToolbarPopupSwitch(browser, 'Off on this site');
    await expect.poll(async () => (await painted(tab)).length).toBe(before);
  } finally {
    await browser.close();
  }
});

test('in Firefox, the page’s text is exactly what the server sent', async ({ tab, server }) => {
  await tab.goto(`${server.origin}/demo`);
  await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(5);
  const [now, sent] = await tab.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return [document.body.textContent, new DOMParser().parseFromString(html, 'text/html').body.textContent];
  });
  expect(now).toBe(sent);
});

test('in Firefox, names that come later are highlighted: in the page, and in a web component’s shadow root', async ({ tab, server }) => {
  server.route(
    '/firefox-late',
    liveScorePage('<p>Loading</p>'),
  );
  await tab.goto(`${server.origin}/firefox-late`);
  await new Promise((done) => setTimeout(done, 700));
  expect(await painted(tab)).toEqual([]);
  await tab.evaluate(() => {
    document.querySelector('live-score')!.shadowRoot!.querySelector('p')!.textContent = 'Kim Jong Un waved.';
  });
  await expect.poll(() => painted(tab)).toEqual(['Kim Jong Un']);
  await tab.evaluate(() => {
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Vladimir Putin replied.' }));
  });
  await expect.poll(() => painted(tab)).toEqual(['Kim Jong Un', 'Vladimir Putin']);
});

test('the Firefox build offers pages none of its files: the card and the annotator are injected as files there', () => {
  // Firefox compiles injected files off the main thread and caches them (extension/inject-once.ts): nothing to import.
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest).not.toHaveProperty('web_accessible_resources');
});
