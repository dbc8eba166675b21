import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { MentionCountsSchema } from '../core/messages/protocol';
import { pageAddress } from '../core/page-address';
import { nextMentionFrameKey, tabFoundKey } from '../extension/tab-found-key';

const FrameFoundSchema = z.object({
  /** The frame's address, as `pageAddress` keeps it (so are all addresses stored here). */
  url: z.string(),
  /** The tab's address when the frame reported: tells a subframe of the current page from a stale one. */
  topUrl: z.optional(z.string()),
  /**
   * When the frame's document began, on the wall clock (extension/story-keys.ts, documentStart): a frame of the page now
   * began after its top frame did. The same number in each report of one document.
   */
  since: z.optional(z.number()),
  counts: MentionCountsSchema,
});
export type FrameFound = z.infer<typeof FrameFoundSchema>;

/** What each frame of one tab found, by frame id. */
const TabFoundSchema = z.record(z.string(), FrameFoundSchema);
export type TabFound = z.infer<typeof TabFoundSchema>;

const TOP_FRAME = '0';

/**
 * How far apart two documents' starts may read though one began no earlier
 * than the other. Each is read in its own document as the wall clock less the
 * time passed there (extension/story-keys.ts, documentStart): two readings,
 * Date.now() in whole milliseconds, and in Chrome performance.now() to a tenth
 * of one. Firefox rounds both to a millisecond, with jitter either way, and
 * under resistFingerprinting to 16.7 ms or more (100 ms in Tor Browser).
 */
export const CLOCK_SLACK_MS = import.meta.env.FIREFOX ? 100 : 2;

export async function readTabFound(tabId: number): Promise<TabFound> {
  const parsed = TabFoundSchema.safeParse(await storage.getItem(tabFoundKey(tabId)));
  return parsed.success ? parsed.data : {};
}

export async function writeTabFound(tabId: number, found: TabFound): Promise<void> {
  await storage.setItem(tabFoundKey(tabId), found);
}

export async function forgetTabFound(tabId: number): Promise<void> {
  await storage.removeItems([tabFoundKey(tabId), nextMentionFrameKey(tabId)]);
}

/**
 * A frame's report replaces its previous one, unless it is the farewell of an older document. A report of the top frame also drops
 * the subframes reported under another page, and those of the same address that
 * began before it did (the page was reloaded: its frames came anew, with new ids).
 * Subframes reported under this one stay: iframes often finish loading, and
 * report, before their parent does. So do those of the same document at another
 * address: a single-page app that moved on to another view (`history.pushState`)
 * keeps its frames, a live ticker beside the views among them. A top frame
 * whose document began before the one it replaces is a page the browser
 * restored from its back-forward cache (the reader went back): the subframes
 * that began since the page it replaces did are that page's, and go with it.
 */
export function applyFrameReport(found: TabFound, frameId: number, report: FrameFound): TabFound {
  const key = String(frameId);
  // A farewell (no names) of a document older than the one whose report is stored, come after its next page's report,
  // tells nothing of the frame now. One with names is a page the browser restored from its back-forward cache.
  const stored = found[key]?.since;
  const farewell = Object.keys(report.counts).length === 0;
  if (farewell && stored !== undefined && beganBefore(report, stored)) return found;
  if (key !== TOP_FRAME) {
    if (!farewell) return { ...found, [key]: report };
    // Nothing kept for an embedded frame that names nobody: a single-page app keeps its document, and the empty reports of
    // its passing frames (srcdoc, about:blank: never found gone) would pile up for as long as the tab stays open.
    const { [key]: _gone, ...others } = found;
    return others;
  }
  const page = pageAddress(report.url);
  const previous = found[TOP_FRAME];
  const pageChanged = previous !== undefined && pageAddress(previous.url) !== page;
  const sameDocument = previous !== undefined && previous.since !== undefined && previous.since === report.since;
  // Back to a document older than the one shown: those that began with that one or after it (its frames) are gone.
  const left = previous?.since !== undefined && beganBefore(report, previous.since) ? previous.since : undefined;
  const samePage = ([id, frame]: [string, FrameFound]) =>
    id !== TOP_FRAME &&
    (sameDocument || (frame.topUrl === undefined ? !pageChanged : pageAddress(frame.topUrl) === page)) &&
    !olderThan(frame, report) &&
    !(left !== undefined && frame.since !== undefined && !beganBefore(frame, left));
  return { ...Object.fromEntries(Object.entries(found).filter(samePage)), [TOP_FRAME]: report };
}

/** A subframe whose document began before the top frame's did: one of the page before a reload. */
function olderThan(frame: FrameFound, top: FrameFound): boolean {
  return beganBefore(frame, top.since);
}

/** The reports of documents that began no earlier than `since`: those of the top frame's document, and its frames'. */
export function framesSince(found: TabFound, since: number): TabFound {
  return Object.fromEntries(Object.entries(found).filter(([, frame]) => !beganBefore(frame, since)));
}

/** Mentions per entity over all of the tab's frames. */
export function mergeFrames(found: TabFound): Map<string, number> {
  const counts = new Map<string, number>();
  for (const frame of Object.values(found)) {
    for (const [entityId, count] of Object.entries(frame.counts)) {
      counts.set(entityId, (counts.get(entityId) ?? 0) + count);
    }
  }
  return counts;
}

/**
 * The reports of the frames of the page the tab shows now. A page without the
 * story's names sends no report (the script on every page stops there), so the
 * reports of the tab's previous page stay stored until a frame of a later page
 * reports, and are not this page's. That page may have had the same address (a
 * reload, a live page that dropped the story, a return to it): with when the
 * document the tab shows began (`pageSince`, where it could be asked),
 * reports from documents that began before it are left out too.
 */
export function framesOfPage(found: TabFound, pageUrl: string, pageSince?: number): TabFound {
  const page = pageAddress(pageUrl);
  const top = found[TOP_FRAME];
  const topIsPage = top !== undefined && pageAddress(top.url) === page && !beganBefore(top, pageSince);
  const ofPage = ([id, frame]: [string, FrameFound]) =>
    !beganBefore(frame, pageSince) &&
    (id === TOP_FRAME || frame.topUrl === undefined
      ? topIsPage
      : (pageAddress(frame.topUrl) === page || (topIsPage && inDocumentOf(frame, top))) && !(topIsPage && olderThan(frame, top)));
  return Object.fromEntries(Object.entries(found).filter(ofPage));
}

/**
 * A subframe that began after the top frame's document did, reported under
 * another address of it: the page is a single-page app that moved on to
 * another view since, keeping the frame (a live ticker beside its views).
 */
function inDocumentOf(frame: FrameFound, top: FrameFound): boolean {
  return frame.since !== undefined && top.since !== undefined && !beganBefore(frame, top.since);
}

/**
 * Leaves out the reports of frames that are gone from the page or show
 * another document since they reported (`starts`: documentStarts). A page
 * without the story's names sends no report, so a ticker that moved on to one,
 * or an embed the page removed, would count on. Frames whose address is not on
 * the web are kept: the browser may not have been able to ask them.
 */
export function framesStillThere(found: TabFound, starts: ReadonlyMap<number, number>): TabFound {
  const there = ([id, frame]: [string, FrameFound]) => {
    if (id === TOP_FRAME) return true;
    const began = starts.get(Number(id));
    if (began === undefined) return !/^https?:/.test(frame.url);
    return !beganBefore(frame, began);
  };
  return Object.fromEntries(Object.entries(found).filter(there));
}

/**
 * `found` without the reports `gone` (a frame id and that frame's report, as it
 * was judged gone): a frame that reported anew since, its first report or its
 * next document's, keeps its new report. The frames' documents' starts are read
 * before what is stored is pruned, and a frame may report in between: judged
 * again by those starts, its report was dropped for good, as it reports again
 * only once its counts change.
 */
export function withoutReports(found: TabFound, gone: readonly (readonly [string, FrameFound])[]): TabFound {
  const dropped = new Map(gone);
  return Object.fromEntries(
    Object.entries(found).filter(([id, frame]) => {
      const judged = dropped.get(id);
      return !judged || judged.since !== frame.since || judged.url !== frame.url;
    }),
  );
}

/** A frame's document began before the page now shown: the documents of one page never begin before its top one. */
export function beganBefore(frame: Pick<FrameFound, 'since'>, pageSince: number | undefined): boolean {
  return frame.since !== undefined && pageSince !== undefined && frame.since < pageSince - CLOCK_SLACK_MS;
}

/**
 * For each entity found, the frame the popup reveals it in: the top frame
 * where it is named there, else the first frame that names it (a ticker, an embed).
 */
export function revealFrames(found: TabFound): Map<string, number> {
  const frames = new Map<string, number>();
  const ids = Object.keys(found).map(Number).sort((a, b) => a - b);
  for (const id of ids) {
    for (const [entityId, count] of Object.entries(found[String(id)]!.counts)) if (count > 0 && !frames.has(entityId)) frames.set(entityId, id);
  }
  return frames;
}

export function topFrameUrl(found: TabFound): string | undefined {
  return found[TOP_FRAME]?.url;
}

