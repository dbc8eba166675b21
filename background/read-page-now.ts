import { browser } from 'wxt/browser';
import { HIGHLIGHT_STYLES, STORY_MARKER, STORY_SCRIPT } from '../extension/story-keys';

/**
 * Puts the script on every page, and its styles, into the frames of a tab
 * where it does not run: `frameIds`, or all of them. Whether it was put
 * anywhere: false where it runs already, or where the browser lets Backstory
 * in nowhere (its own pages, the web store, a site not allowed, a tab closed
 * meanwhile).
 */
export async function readWhereNotRunning(tabId: number, frameIds?: number[]): Promise<boolean> {
  try {
    const probes = await browser.scripting.executeScript({
      target: frameIds ? { tabId, frameIds } : { tabId, allFrames: true },
      func: storyRunning,
      args: [STORY_MARKER],
    });
    const missing = probes.filter((probe) => probe.result === false).map((probe) => probe.frameId);
    if (missing.length === 0) return false;
    const target = { tabId, frameIds: missing };
    await browser.scripting.insertCSS({ target, files: [`/${HIGHLIGHT_STYLES}`] });
    await browser.scripting.executeScript({ target, files: [`/${STORY_SCRIPT}`] });
    return true;
  } catch {
    return false;
  }
}

/**
 * The tab's top frame, where the script never ran: Firefox runs no content
 * script on a site the reader keeps Backstory off ("when clicked"), yet lets
 * Backstory into the tab when the reader presses its shortcut, as when they
 * click its button (where Firefox runs the scripts itself).
 */
export function readPageNow(tabId: number): Promise<boolean> {
  return readWhereNotRunning(tabId, [0]);
}

/** Runs in a frame's content-script world, serialised: whether the script on every page runs there. */
function storyRunning(key: string): boolean {
  return Symbol.for(key) in globalThis;
}
