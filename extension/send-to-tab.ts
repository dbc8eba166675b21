import { browser } from 'wxt/browser';
import { settle } from '../core/messages/envelope';
import { parsePageReply, type PageMessageType, type PageReply, type PageRequest } from '../core/messages/page-commands';
import { injectCardUi } from './inject-card-ui';

/**
 * Sends a request to one frame of a tab (the top frame unless told) and
 * validates the reply. The card script answers these requests, so it is put
 * into the frame first (a no-op when it is there). Never throws: a tab
 * Backstory cannot run in (a browser page, a page still loading, one opened
 * before the extension was installed) comes back as `{ ok: false }`.
 */
export function sendToTab<T extends PageMessageType>(
  tabId: number,
  request: PageRequest<T> & { type: T },
  frameId = 0,
): Promise<PageReply<T>> {
  return settle(async () => {
    await injectCardUi(tabId, frameId);
    return sendOnly<T>(tabId, request, frameId);
  });
}

/**
 * The same, to the card script of a frame that has it: one whose card script
 * asked. Nothing is put into the frame, which may show another document since
 * (a rotating advertisement): that document asked for no card script, and
 * would get React and a card's host for nothing. A frame without the card
 * script comes back as `{ ok: false }`.
 */
export function sendToCardScript<T extends PageMessageType>(
  tabId: number,
  request: PageRequest<T> & { type: T },
  frameId: number,
): Promise<PageReply<T>> {
  return settle(() => sendOnly<T>(tabId, request, frameId));
}

async function sendOnly<T extends PageMessageType>(tabId: number, request: PageRequest<T> & { type: T }, frameId: number): Promise<PageReply<T>> {
  // One frame only: every frame would answer, and the first answer wins whatever it says.
  return parsePageReply(request.type, await browser.tabs.sendMessage(tabId, request, { frameId }));
}
