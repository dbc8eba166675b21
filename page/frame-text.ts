import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BlockReader } from './text-walk';

const RECHECK_MS = 250;

/** Whether the document shows any text at all: the walk stops at its first block. */
function hasText(doc: Document): boolean {
  return !!doc.body && new BlockReader(doc.body).next() !== null;
}

/**
 * Resolves once the document has text: at once for nearly every page, later
 * for a frame (an ad slot, an empty embed) that only gets some after loading,
 * and never for one that never shows any, which then costs nothing more.
 */
export function textAppears(ctx: ContentScriptContext, doc: Document = document): Promise<void> {
  if (hasText(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    let waiting = false;
    const observer = new MutationObserver(() => {
      if (waiting) return;
      waiting = true;
      ctx.setTimeout(() => {
        waiting = false;
        if (!hasText(doc)) return;
        observer.disconnect();
        resolve();
      }, RECHECK_MS);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
  });
}
