import { browser } from 'wxt/browser';

/** As wxt.config.ts names them in the manifest's content script. */
const STORY_SCRIPT = '/story.js';
const HIGHLIGHT_STYLES = '/highlights.css';

/**
 * Puts the script on every page into the tabs already open when the extension
 * is installed or updated. Chrome injects a manifest's content scripts only
 * into pages loaded after that: a page open across an update kept the old
 * version's highlights, whose card and reports no longer reach any background,
 * and the popup told the reader nobody was mentioned there. Firefox injects
 * them into open tabs itself.
 */
export async function injectIntoOpenTabs(): Promise<void> {
  if (import.meta.env.FIREFOX) return;
  const tabs = await browser.tabs.query({ discarded: false });
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return;
      const target = { tabId: id, allFrames: true };
      try {
        await browser.scripting.insertCSS({ target, files: [HIGHLIGHT_STYLES] });
        await browser.scripting.executeScript({ target, files: [STORY_SCRIPT] });
      } catch {
        // A page the browser keeps extensions out of (its own pages, the web store, a site not allowed).
      }
    }),
  );
}
