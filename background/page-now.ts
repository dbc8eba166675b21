import { browser } from 'wxt/browser';
import { DOCUMENT_START } from '../extension/story-keys';
import { PROBE_WAIT_MS } from './document-starts';
import { within } from './within';

/** The page a tab shows now: its address, and when its top frame's document began (extension/story-keys.ts, documentStart). */
export interface PageNow {
  url: string;
  since: number;
}

export type AskPageNow = (tabId: number) => Promise<PageNow | undefined>;

/** Tabs whose top frame has not answered its last ask yet: lost with the worker, which then asks once more. */
const unanswered = new Set<number>();

/**
 * Asked of the top frame's document itself, both at once: asked of the tab and of the document apart, a navigation
 * committing in between gave the old address with the new document's time. Undefined where the top frame cannot be
 * asked (a browser page, a PDF viewer, a page still committing, a tab gone), or does not answer within PROBE_WAIT_MS
 * (frozen, a dialog open): each report of the tab waits on it.
 */
export const pageNowIn: AskPageNow = async (tabId) => {
  // Not asked again while its last ask is unanswered: an embedded frame reporting meanwhile would have each of its
  // reports wait the full time, and the asks pile up until the dialog closes.
  if (unanswered.has(tabId)) return undefined;
  try {
    const asked = browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: pageNowHere,
      args: [DOCUMENT_START],
      // At once, not once the page is idle: a page still loading must not hold the badge.
      injectImmediately: true,
    });
    const answer = await within(asked, PROBE_WAIT_MS);
    if (answer === undefined) {
      unanswered.add(tabId);
      const answered = () => unanswered.delete(tabId);
      asked.then(answered, answered);
    }
    const [frame] = answer ?? [];
    const result = frame?.result as Partial<PageNow> | undefined;
    return typeof result?.url === 'string' && typeof result.since === 'number' ? { url: result.url, since: result.since } : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Runs in the top frame's content-script world, serialised: its address, and when its document began as
 * documentStart notes it there (spelt out: no import reaches where it runs).
 */
export function pageNowHere(key: string): Partial<PageNow> & { url: string } {
  const world = globalThis as Record<symbol, unknown>;
  const mark = Symbol.for(key);
  // Noted late, unknown: see documentStart.
  if (!(mark in world)) world[mark] = performance.now() < 60_000 ? Date.now() - performance.now() : null;
  return { url: location.href, since: typeof world[mark] === 'number' ? world[mark] : undefined };
}
