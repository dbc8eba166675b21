import { browser } from 'wxt/browser';
import { HIGHLIGHT_STYLES, STORY_MARKER, STORY_SCRIPT } from '../extension/story-keys';

/**
 * Puts the script on every page, and its styles, into the frames of a tab
 * where it does not run: `frameIds`, or all of them. Whether it was put
 * anywhere: false where it runs already, or where the browser lets Backstory
 * in nowhere (its own pages, the web store, a site not allowed, a tab closed
 * meanwhile).
 *
 * Each frame is asked at once, not once its page is idle: a page that never
 * finishes loading (an endless stream) would hold the answer for ever. A frame
 * still loading its page then is asked again once that page is idle: the
 * browser may yet run the script itself as the page's content is in
 * (wxt.config.ts: at document_end), and a second copy of the styles would
 * restyle the whole page.
 */
export async function readWhereNotRunning(tabId: number, frameIds?: number[]): Promise<boolean> {
  try {
    const probes = await browser.scripting.executeScript({
      target: frameIds ? { tabId, frameIds } : { tabId, allFrames: true },
      func: storyRunning,
      args: [STORY_MARKER],
      injectImmediately: true,
    });
    const missing = probes.filter((probe) => probe.result === false).map((probe) => probe.frameId);
    const loading = probes.filter((probe) => probe.result === LOADING).map((probe) => probe.frameId);
    const [now, later] = await Promise.all([putStory(tabId, missing), loading.length > 0 && readOnceLoaded(tabId, loading)]);
    return now || later;
  } catch {
    return false;
  }
}

/** The frames still loading when asked, asked again once their pages are idle (the browser's default time for a script). */
async function readOnceLoaded(tabId: number, frameIds: number[]): Promise<boolean> {
  try {
    const probes = await browser.scripting.executeScript({ target: { tabId, frameIds }, func: storyRunning, args: [STORY_MARKER] });
    return await putStory(
      tabId,
      probes.filter((probe) => probe.result === false).map((probe) => probe.frameId),
    );
  } catch {
    return false;
  }
}

/** The script and its styles, into frames whose pages are in: at once. */
async function putStory(tabId: number, frameIds: number[]): Promise<boolean> {
  if (frameIds.length === 0) return false;
  try {
    const target = { tabId, frameIds };
    await browser.scripting.insertCSS({ target, files: [`/${HIGHLIGHT_STYLES}`] });
    await browser.scripting.executeScript({ target, files: [`/${STORY_SCRIPT}`], injectImmediately: true });
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

const LOADING = 'loading';

/**
 * Runs in a frame's content-script world, serialised: whether the script on every page runs there; `'loading'` where
 * it does not yet and the page is still coming in (spelt out: no import reaches where it runs).
 */
export function storyRunning(key: string): boolean | 'loading' {
  if (Symbol.for(key) in globalThis) return true;
  return document.readyState === 'loading' ? 'loading' : false;
}
