import { browser } from 'wxt/browser';
import type { Sender } from './handle-message';

/**
 * Whether a message comes from one of the extension's own pages (the popup, even
 * opened in a tab) rather than a content script, which runs inside a web page and
 * must not learn what other tabs show.
 */
export function isExtensionPage(sender: Sender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

/** The tab a content script's message came from. */
export function senderTabId(sender: Sender): number {
  const tabId = sender.tab?.id;
  // Chrome gives -1 (TAB_ID_NONE) to senders outside any tab, such as devtools.
  if (tabId === undefined || tabId < 0) throw new Error('Only a page in a tab can report what it found');
  return tabId;
}
