import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { HIGHLIGHT_STYLES, STORY_MARKER, STORY_SCRIPT } from '../extension/story-keys';

/** Set once the tabs open when the extension was loaded have been reached; session storage goes with each load. */
const REACHED_KEY = 'session:openTabsReached';

/**
 * Puts the script on every page into the tabs that were open when the
 * extension was loaded (installed, updated, switched back on), where it does
 * not run yet. Chrome injects a manifest's content scripts only into pages
 * loaded after that: a page open across an update kept the old load's
 * highlights, whose cards and reports reached no background any more, and the
 * popup said nobody was mentioned there. Once per load: session storage is
 * emptied with each. Firefox injects them into open tabs itself.
 */
export async function reachOpenTabs(): Promise<void> {
  if (import.meta.env.FIREFOX || (await storage.getItem<boolean>(REACHED_KEY))) return;
  const tabs = await browser.tabs.query({ discarded: false });
  await Promise.all(tabs.map(({ id }) => (id === undefined ? undefined : reachTab(id))));
  await storage.setItem(REACHED_KEY, true);
}

async function reachTab(tabId: number): Promise<void> {
  try {
    const probes = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: storyRunning, args: [STORY_MARKER] });
    const frameIds = probes.filter((probe) => probe.result !== true).map((probe) => probe.frameId);
    if (frameIds.length === 0) return;
    const target = { tabId, frameIds };
    await browser.scripting.insertCSS({ target, files: [`/${HIGHLIGHT_STYLES}`] });
    await browser.scripting.executeScript({ target, files: [`/${STORY_SCRIPT}`] });
  } catch {
    // A page the browser keeps extensions out of (its own pages, the web store, a site not allowed), or a tab closed meanwhile.
  }
}

/** Runs in a frame's content-script world, serialised: whether the script on every page runs there. */
function storyRunning(key: string): boolean {
  return Symbol.for(key) in globalThis;
}
