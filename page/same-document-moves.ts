import type { ScriptContext } from '../extension/script-context';

/** The part of the Navigation API used here (not in TypeScript's DOM library yet). */
interface NavigationEvents extends EventTarget {
  currentEntry: unknown;
}

/** How often the address is looked at where the browser has no Navigation API. */
const POLL_MS = 1000;

/**
 * Calls `onMove(from, to)` once the page moved to another address without
 * loading one (the History API, a single-page app's router), for as long as
 * `ctx` is valid. The Navigation API's `currententrychange` fires once a move
 * within the document is made, and only then (its `navigate` also fires as a
 * navigation to another document begins, a link followed or a download, and
 * for moves the page may still cancel: the page being left was read anew as it
 * went). Where the browser has none, the address is polled, here: WXT's
 * `wxt:locationchange` polled it and told of a move with an event on the
 * window, which the page's own scripts hear, and can dispatch. Neither is undone by
 * the page writing a new document (document.open erases the window's
 * listeners, not the navigation's, nor timers).
 */
export function watchSameDocumentMoves(ctx: ScriptContext, onMove: (from: URL, to: URL) => void): void {
  let last = location.href;
  const look = () => {
    const now = location.href;
    if (now === last) return;
    const from = last;
    last = now;
    onMove(new URL(from), new URL(now));
  };
  const navigation = (globalThis as { navigation?: NavigationEvents }).navigation;
  if (typeof navigation?.addEventListener === 'function') navigation.addEventListener('currententrychange', look, { signal: ctx.signal });
  else ctx.setInterval(look, POLL_MS);
}
