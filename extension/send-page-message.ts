import { browser } from 'wxt/browser';
import { settle } from '../core/messages/envelope';
import { afterPrerender } from './after-prerender';
import { parsePageSideReply, type PageSideReply, type PageSideRequest, type PageSideType } from '../core/messages/page-protocol';

/**
 * sendMessage for the annotator injected into pages: the same envelope and
 * validation, with only the page's own message schemas bundled.
 */
export function sendPageMessage<T extends PageSideType>(request: PageSideRequest<T> & { type: T }): Promise<PageSideReply<T>> {
  return settle(async () => {
    await afterPrerender();
    return parsePageSideReply(request.type, await browser.runtime.sendMessage(request));
  });
}

/**
 * Sends without waiting for anything, not even a microtask, and with no reply
 * awaited: from a document going away (`pagehide`), whose frame may be gone
 * by the next task. A page going away was shown: no prerendering to wait out.
 */
export function sendPageMessageNow<T extends PageSideType>(request: PageSideRequest<T> & { type: T }): void {
  try {
    browser.runtime.sendMessage(request).catch(() => {});
  } catch {
    // The extension was reloaded or removed: nobody to tell.
  }
}
