import { browser } from 'wxt/browser';
import type { PageRequest } from '../core/messages/page-commands';
import { createPerKeyQueue } from './per-key-queue';

const CLOSE: PageRequest<'page/close-card'> = { type: 'page/close-card' };

/** A tab's watches set and taken back in the order asked: a card opened and closed at once leaves no watch behind. */
const inOrder = createPerKeyQueue<number>();

/**
 * Has Escape, pressed in any document of the tab, close the card open in
 * frame `frameId` (`open`), or no longer. A card opened by the pointer in an
 * embedded frame large enough to hold it, while the keys go to the page around
 * it (the reader only pointed there), heard nothing of Escape; nor the page's
 * card while the keys went into a frame. The page around may run no script of
 * ours that hears keys (its only names are in the frame): each document gets
 * a listener of its own for as long as the card is open. Nothing is kept here:
 * the listeners carry the frame they speak for.
 */
export function watchEscapeFor(tabId: number, frameId: number, open: boolean): Promise<void> {
  return inOrder(tabId, async () => {
    try {
      await browser.scripting.executeScript({
        target: { tabId, allFrames: true },
        func: relayEscape,
        args: [frameId, open],
        // At once: a frame still loading (an advertisement) must not hold the watch back.
        injectImmediately: true,
      });
    } catch {
      // The tab went, or shows a page Backstory may not script: no keys of the reader's to pass on there.
    }
  });
}

/** Escape pressed in frame `from` of the tab: the card of frame `frameId` closes, unless `from` is that frame, which heard it itself. */
export async function escapeToFrame(tabId: number, from: number, frameId: number): Promise<void> {
  // The listener in the card's own frame keeps still while that frame shows its card; one that came after it closed speaks for nothing.
  if (from === frameId) return;
  try {
    // The frame's card script hears it; not put there first (extension/send-to-tab.ts): a frame without it has no card.
    await browser.tabs.sendMessage(tabId, CLOSE, { frameId });
  } catch {
    // The frame went, or its card script with it: there is no card to close.
  }
}

/**
 * Runs in each frame's content-script world, serialised: it uses nothing from
 * outside but its world's globals. Listens for Escape, at the window before the
 * page's own listeners see it, and tells the background once; the release too,
 * for a page that stops the press at the window first (as components/CardApp.tsx).
 */
export function relayEscape(frameId: number, open: boolean): void {
  type Runtime = { sendMessage(message: unknown): Promise<unknown> };
  const world = globalThis as { backstoryEscapeRelays?: Map<number, () => void>; browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const relays = (world.backstoryEscapeRelays ??= new Map());
  relays.get(frameId)?.();
  if (!open) return;
  const runtime = world.browser?.runtime ?? world.chrome?.runtime;
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !event.isTrusted) return;
    // A card of ours this document shows hears its Escape itself: the card's own frame, or the top frame showing a small
    // frame's card, which tells that frame the card closed, with where the focus goes (page/card-above.ts). Asked to close
    // it too, that frame could take the news for a card it had already hidden, and the focus stay on its <body>.
    // (CARD_HOST_ATTRIBUTE, page/card-bridge.ts, spelt out: the function runs where no import reaches.)
    if ([...document.querySelectorAll('[data-backstory-card]')].some((host) => host.matches(':popover-open'))) return;
    stop();
    try {
      void runtime?.sendMessage({ type: 'card/escape', frameId }).catch(() => {});
    } catch {
      // The extension was reloaded or removed since: its card is gone with it.
    }
  };
  const stop = () => {
    removeEventListener('keydown', onKey, true);
    removeEventListener('keyup', onKey, true);
    if (relays.get(frameId) === stop) relays.delete(frameId);
  };
  addEventListener('keydown', onKey, true);
  addEventListener('keyup', onKey, true);
  relays.set(frameId, stop);
}
