import { browser } from 'wxt/browser';

/**
 * Where, in a frame's content-script world, the annotator leaves how to look
 * again at which of its names the reader can see (page/seen-counts.ts): a
 * page's styles may have hidden or shown some since it last reported, with no
 * change to its text or to the elements it watches (a stylesheet loaded, the
 * window resized past a media query). The page's own scripts cannot reach it.
 */
const LOOK_AGAIN_KEY = 'backstory.annotator.look-again';

type Slots = Record<symbol, (() => void) | undefined>;

/** Leaves `look` for the popup; returns how to take it away. */
export function leaveLookAgain(look: () => void, scope: object = globalThis): () => void {
  const slots = scope as Slots;
  const key = Symbol.for(LOOK_AGAIN_KEY);
  slots[key] = look;
  return () => {
    if (slots[key] === look) delete slots[key];
  };
}

/**
 * Has every frame of the tab look again; a frame that sees otherwise than it
 * reported reports again, and the popup, watching the reports, follows.
 * Frames Backstory may not enter are left out, as they have nothing to count.
 */
export async function askFramesToLookAgain(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: (key: string) => {
        const look = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(key)];
        if (typeof look === 'function') look();
      },
      args: [LOOK_AGAIN_KEY],
      injectImmediately: true,
    });
  } catch {
    // A page no extension may enter, a tab closed meanwhile: nothing there counts names.
  }
}
