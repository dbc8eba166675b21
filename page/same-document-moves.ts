import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** The part of the Navigation API used here (not in TypeScript's DOM library yet). */
interface NavigationEvents extends EventTarget {
  currentEntry: unknown;
}

/**
 * Calls `onMove(from, to)` once the page moved to another address without
 * loading one (the History API, a single-page app's router). WXT's
 * `wxt:locationchange` comes from the Navigation API's `navigate` event, which
 * also fires as a navigation to another document begins (a link followed to
 * another page, a download) and for moves the page may still cancel: the page
 * being left was read anew as it went, its highlights gone while the next page
 * loaded. `currententrychange` fires once a move within the document is made,
 * and only then. Where the browser has no Navigation API, WXT's watch, which
 * polls the address. Returns what listens, to call again after the page wrote a
 * new document (document.open erases the window's listeners, not the navigation's).
 */
export function watchSameDocumentMoves(ctx: ContentScriptContext, onMove: (from: URL, to: URL) => void): () => void {
  const navigation = (globalThis as { navigation?: NavigationEvents }).navigation;
  if (typeof navigation?.addEventListener !== 'function') {
    // One function, added again: where the window still listens, the browser adds nothing.
    const moved = ({ oldUrl, newUrl }: { oldUrl: URL; newUrl: URL }) => onMove(oldUrl, newUrl);
    return () => ctx.addEventListener(window, 'wxt:locationchange', moved);
  }
  let last = location.href;
  navigation.addEventListener(
    'currententrychange',
    () => {
      const now = location.href;
      if (now === last) return;
      const from = last;
      last = now;
      onMove(new URL(from), new URL(now));
    },
    { signal: ctx.signal },
  );
  return () => {};
}
