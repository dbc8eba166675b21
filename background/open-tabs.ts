import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { readWhereNotRunning } from './read-page-now';

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
  await Promise.all(tabs.map(({ id }) => (id === undefined ? undefined : readWhereNotRunning(id))));
  await storage.setItem(REACHED_KEY, true);
}
