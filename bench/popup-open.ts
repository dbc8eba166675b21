import type { BrowserContext, Page } from '@playwright/test';
import { tabIdIn } from '../tooling/extension-tabs';
import { stopServiceWorker } from '../tooling/service-worker';

/** Notes, in the popup's page, when the first of the tab's names is listed: a mutation observer from the document's start. */
const WATCH_NAMES = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-entity-id]')) return;
  globalThis.__backstoryNamesListed = performance.now();
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });`;

/**
 * The popup opened about `tab` (as a page: a test cannot click the toolbar
 * button), from its navigation to the first of the tab's names in its list;
 * with `cold`, the service worker stopped first, as Chrome stops it after 30 s
 * idle: the reader's usual way to the popup, after reading for a while.
 */
export async function popupNamesListed(context: BrowserContext, extensionId: string, tab: Page, cold: boolean): Promise<number> {
  const base = `chrome-extension://${extensionId}/popup.html`;
  const helper = await context.newPage();
  try {
    await helper.goto(base);
    const tabId = await tabIdIn(helper, tab.url());
    // The helper, itself the popup's page, has woken the worker: stopped again for a cold open.
    if (cold) await stopServiceWorker(context, extensionId, helper);
    await helper.close();
    const popup = await context.newPage();
    try {
      await popup.addInitScript({ content: WATCH_NAMES });
      await popup.goto(`${base}?tab=${tabId}`, { waitUntil: 'commit' });
      await popup.waitForFunction(() => (globalThis as { __backstoryNamesListed?: number }).__backstoryNamesListed !== undefined, null, { timeout: 30_000 });
      return await popup.evaluate(() => (globalThis as unknown as { __backstoryNamesListed: number }).__backstoryNamesListed);
    } finally {
      await popup.close();
    }
  } finally {
    if (!helper.isClosed()) await helper.close();
  }
}
