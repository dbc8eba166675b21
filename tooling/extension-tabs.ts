import type { Page } from '@playwright/test';
import type { browser } from 'wxt/browser';

/** The extension API as an extension page sees it (Chromium calls it `chrome`). */
type ExtensionApi = typeof browser;

/** The id of the tab showing `url`, asked from an extension page. */
export async function tabIdIn(extensionPage: Page, url: string): Promise<number> {
  const tabId = await extensionPage.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
    return (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id;
  }, url);
  if (tabId === undefined) throw new Error(`No tab shows ${url}`);
  return tabId;
}

/** What the background found on a tab (all frames), as the popup reads it. */
export async function foundOnTab(extensionPage: Page, tabId: number): Promise<{ id: string; name: string; count: number }[]> {
  const reply = await extensionPage.evaluate(async (tabId) => {
    const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
    return (await chrome.runtime.sendMessage({ type: 'tab/get', tabId })) as {
      ok: boolean;
      found?: { id: string; name: string; count: number }[];
    };
  }, tabId);
  return reply.found ?? [];
}
