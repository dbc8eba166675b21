/** The first hover after a pause, when Firefox has stopped Backstory's background (after 30 s idle). */
import { backgroundStartedAt, stopBackground } from '../../tooling/firefox-window';
import { paintedTextsInPage } from '../../tooling/painted-texts';
import { textPointInPage } from '../../tooling/text-point';
import { cardPointsInPage } from '../../tooling/card-points';
import { expect, test, withWindowAccess } from './fixtures';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

test('in Firefox, the card’s facts arrive before any hover: the first hover after the background stopped opens the card without it', async ({ server }) => {
  // Extensions in their own process, as in any Firefox the reader runs.
  await withWindowAccess({ 'extensions.webextensions.remote': true }, async (browser, extensionId) => {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`${server.origin}/demo`);
    await expect.poll(async () => (await tab.evaluate(paintedTextsInPage)).length).toBeGreaterThan(5);
    // The card script comes in idle time after the scan, and fetches the facts of every entity on the page.
    await tab.waitForFunction(() => document.querySelector('backstory-card') !== null);
    await pause(1000);

    await stopBackground(browser, extensionId);
    const point = await tab.evaluate(textPointInPage, { text: 'John Kirby', occurrence: 0 });
    await tab.mouse.move(point!.x, point!.y);
    await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
    // A card whose facts were not in the page would ask the background for them, and start it.
    await pause(500);
    expect(await backgroundStartedAt(browser)).toBeNull();

    // The watch does see the background start: new names are reported to it.
    await tab.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Vladimir Putin and Kim Jong Un met again.';
      document.querySelector('article, main, body')!.prepend(p);
    });
    await expect.poll(() => backgroundStartedAt(browser)).not.toBeNull();
  });
});
