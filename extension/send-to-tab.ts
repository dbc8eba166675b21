import { browser } from 'wxt/browser';
import { settle } from '../core/messages/envelope';
import { parsePageReply } from '../core/messages/page-peer';
import type { PageMessageType, PageReply, PageRequest } from '../core/messages/page-protocol';

/**
 * Sends a request to the content script of a tab's top frame and validates the reply.
 * Never throws: a tab without our content script (a browser page, a page still
 * loading, one opened before the extension was installed) comes back as `{ ok: false }`.
 */
export function sendToTab<T extends PageMessageType>(
  tabId: number,
  request: PageRequest<T> & { type: T },
): Promise<PageReply<T>> {
  // The top frame only: every frame would answer, and the first answer wins whatever it says.
  return settle(async () => parsePageReply(request.type, await browser.tabs.sendMessage(tabId, request, { frameId: 0 })));
}
