import { browser, type Browser } from 'wxt/browser';
import { sendToTab } from '../extension/send-to-tab';

export const NEXT_MENTION_COMMAND = 'next-mention';

/** The keyboard shortcut: the page in front moves to its next mention and opens its card. */
export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== NEXT_MENTION_COMMAND) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined || tabId < 0) return;
  // A page without our content script (a browser page) has nothing to reveal; the shortcut just does nothing there.
  await sendToTab(tabId, { type: 'page/next-mention' });
}
