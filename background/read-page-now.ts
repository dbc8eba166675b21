import { browser } from 'wxt/browser';
import { SCREEN_MARK } from '../extension/screen-mark';

/** The manifest's styles of the script on every page (wxt.config.ts). */
const HIGHLIGHT_STYLES = 'highlights.css';

/**
 * Puts the script on every page, and its styles, into the tab's top frame where
 * it never ran. Firefox runs no content script on a site the reader keeps
 * Backstory off ("when clicked"), yet lets Backstory into the tab when the reader
 * presses its shortcut, as when they click its button (where Firefox runs the
 * scripts itself). Whether it was put there now: false where it ran already, or
 * where the browser lets Backstory in nowhere (Chrome gives no such access).
 */
export async function readPageNow(tabId: number): Promise<boolean> {
  const target = { tabId, frameIds: [0] };
  try {
    const [probe] = await browser.scripting.executeScript({ target, func: (key: string) => Symbol.for(key) in globalThis, args: [SCREEN_MARK] });
    if (probe?.result !== false) return false;
    await browser.scripting.insertCSS({ target, files: [HIGHLIGHT_STYLES] });
    await browser.scripting.executeScript({ target, files: ['/story.js'] });
    return true;
  } catch {
    return false;
  }
}
