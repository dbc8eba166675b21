/**
 * Pages whose address grows without bound: single-page apps that keep their
 * state in the URL (`history.pushState`). Each tab's findings live in session
 * storage, which holds 10 MB for the whole extension.
 */
import type { Page } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { expect, paintedMentions, test } from './fixtures';
import { badgeText, listedCounts } from './popup-page';

/** Half of an address of nearly 2 MiB, the most Chromium takes. */
const LONG_STATE = 'x'.repeat(950_000);

test('tabs whose pages push addresses of nearly 2 MB still have their names listed and counted: the reports do not fill session storage', async ({
  context,
  extensionId,
  server,
}) => {
  // Each address of 2 MB crosses the DevTools protocol in Playwright's own events: the push alone takes 4–5 s a tab here, the
  // test a minute on the code before this session too. A limit for the harness, not for Backstory.
  test.setTimeout(180_000);
  server.route('/state-in-url', '<!doctype html><html lang="en"><body><main><p>Vladimir Putin arrived.</p></main></body></html>');
  const tabs: Page[] = [];
  for (let i = 0; i < 6; i++) {
    const tab = await context.newPage();
    await tab.goto(`${server.origin}/state-in-url`);
    await expect.poll(() => paintedMentions(tab)).toBe(1);
    // The app keeps its state in the address, and shows a new name: the frame reports under the new address.
    await tab.evaluate((state) => {
      history.pushState(null, '', `?state=${state}#${state}`);
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Japan answered.</p>');
    }, LONG_STATE);
    await expect.poll(() => paintedMentions(tab)).toBe(2);
    tabs.push(tab);
  }
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=0`);
  // The last tab, found by its address's start: matching the whole of it would print 2 MB on failure.
  const tabId = await popup.evaluate(async (start) => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    const open = await chrome.tabs.query({});
    return open.filter((tab) => tab.url?.startsWith(start)).at(-1)!.id!;
  }, `${server.origin}/state-in-url?`);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 1, japan: 1 });
  expect(await badgeText(popup, tabId)).toBe('2');
  const used = await popup.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.session.getBytesInUse(null));
  expect(used).toBeLessThan(100_000);
});
