import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createPerKeyQueue } from './per-key-queue';
import { readWhereNotRunning } from './read-page-now';
import { within } from './within';

/**
 * The tabs open when the extension was loaded that are still to be reached:
 * unset until a first pass has been through them, empty once every one has
 * been reached. Session storage goes with each load.
 */
const LEFT_KEY = 'session:openTabsLeft';

/**
 * How long a pass waits for the tabs to answer: a frozen tab, or one whose
 * page shows a dialog (alert()), answers nothing until it wakes.
 */
export const OPEN_TABS_WAIT_MS = 5000;

/** The list of tabs left, changed one change at a time. */
const inTurn = createPerKeyQueue<typeof LEFT_KEY>();

/**
 * Puts the script on every page into the tabs that were open when the
 * extension was loaded (installed, updated, switched back on), where it does
 * not run yet. Chrome injects a manifest's content scripts only into pages
 * loaded after that: a page open across an update kept the old load's
 * highlights, whose cards and reports reached no background any more, and the
 * popup said nobody was mentioned there. Firefox injects them into open tabs itself.
 *
 * Once per load: the worker's first start asks every tab, and waits at most
 * `waitMs` for them. A tab that has not answered by then is left to the
 * worker's next start, which asks the tabs left alone, as long as they are
 * open; one that answers meanwhile is taken off. The pages the tabs load since
 * get the script from the browser, as do tabs discarded since (shown again,
 * they load their page anew).
 */
export async function reachOpenTabs(waitMs = OPEN_TABS_WAIT_MS): Promise<void> {
  if (import.meta.env.FIREFOX) return;
  const left = await storage.getItem<number[]>(LEFT_KEY);
  if (left?.length === 0) return;
  const tabIds = (await browser.tabs.query({ discarded: false })).flatMap(({ id }) =>
    id !== undefined && (left === null || left.includes(id)) ? [id] : [],
  );
  const reached = new Set<number>();
  /** Set as the pass tells which tabs it leaves: one reached after that is taken off them, once they are written. */
  let passed = false;
  const reaching = tabIds.map(async (tabId) => {
    await readWhereNotRunning(tabId);
    reached.add(tabId);
    if (passed) await takeOff(tabId);
  });
  await within(Promise.allSettled(reaching), waitMs);
  passed = true;
  await inTurn(LEFT_KEY, () => storage.setItem(LEFT_KEY, tabIds.filter((tabId) => !reached.has(tabId))));
}

function takeOff(tabId: number): Promise<void> {
  return inTurn(LEFT_KEY, async () => {
    const left = await storage.getItem<number[]>(LEFT_KEY);
    if (left?.includes(tabId)) await storage.setItem(LEFT_KEY, left.filter((other) => other !== tabId));
  });
}
