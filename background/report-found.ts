import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { MentionCounts } from '../core/messages/protocol';
import { pageAddress } from '../core/page-address';
import { tabOfStoredKey } from '../extension/tab-found-key';
import { showFoundCount } from './badge';
import { createPerKeyQueue } from './per-key-queue';
import { pageNowIn, type AskPageNow } from './page-now';
import { applyFrameReport, beganBefore, forgetTabFound, framesOfPage, framesSince, mergeFrames, readTabFound, writeTabFound, type TabFound } from './tab-found';

const byTab = createPerKeyQueue<number>();

export interface FrameReport {
  tabId: number;
  frameId: number;
  url: string;
  /** The tab's URL as the browser saw it when the frame reported. */
  topUrl: string | undefined;
  /** When the frame's document began (extension/story-keys.ts, documentStart). */
  since?: number;
  counts: MentionCounts;
}

/** How many entities the badge counts of a tab's merged counts: by default all; the background counts those shown. */
export type BadgeCount = (counts: ReadonlyMap<string, number>) => Promise<number>;

const countAll: BadgeCount = async (counts) => counts.size;

/**
 * Stores what one frame found and updates the tab's badge. `askPage` tells
 * the page the tab shows by the time the report is taken, which may be a later
 * one than the frame's: the reports of documents that began before it are of
 * a page gone (pageNow.ts by default; tests give their own).
 */
export function recordFrameReport(
  { tabId, frameId, url, topUrl, since, counts }: FrameReport,
  badgeCount = countAll,
  askPage: AskPageNow = pageNowIn,
): Promise<void> {
  return byTab(tabId, async () => {
    const before = await readTabFound(tabId);
    const report = { url: pageAddress(url), counts, ...(topUrl !== undefined && { topUrl: pageAddress(topUrl) }), ...(since !== undefined && { since }) };
    // A page loaded anew at the same address whose top frame names nobody (and so never reports): its ticker's report
    // must not bring back the names of the page before. A report of the page before, come after the next one showed, is
    // not taken at all: put in the top frame's place first, it would have dropped the frames of the page shown.
    const now = await askPage(tabId);
    // The top frame moved on to a page that cannot be asked (a browser page, a store, a PDF, a site withheld): the
    // browser cleared the badge as it committed, and the report names nothing there.
    if (now === undefined && report.topUrl !== undefined && (await showsAnotherPage(tabId, report.topUrl))) return;
    const stale = now !== undefined && beganBefore(report, now.since);
    const reported = stale ? before : applyFrameReport(before, frameId, report);
    const after = now === undefined ? reported : framesSince(reported, now.since);
    const movedOn = Object.keys(after).length < Object.keys(reported).length;
    // Frames re-report unchanged counts as pages mutate; an unchanged write would still wake every open popup.
    if (JSON.stringify(after) !== JSON.stringify(before)) await writeTabFound(tabId, after);
    // Always set: a reload clears the badge even when the counts stay the same. Only the page the tab
    // shows counts, as in the popup: a frame of the next page may report before its top frame does.
    const shown = movedOn || stale ? (now?.url ?? topUrl) : topUrl;
    await showFoundCount(tabId, await badgeCount(mergeFrames(shown === undefined ? after : framesOfPage(after, shown))));
  });
}

/** The tab's address is another page's than `topUrl`; not so where it cannot be told (a tab closed). */
async function showsAnotherPage(tabId: number, topUrl: string): Promise<boolean> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return tab?.url !== undefined && pageAddress(tab.url) !== topUrl;
}

/**
 * Keeps of a tab's stored reports only what `keep` leaves (the frames still
 * there, as the popup found when it asked), and counts the badge anew from
 * those of them `ofPage` tells are of the page the tab shows: the reports of
 * the page before stay stored when this one sent none (a page without names).
 */
export function pruneTabFound(
  tabId: number,
  keep: (found: TabFound) => TabFound,
  ofPage: (found: TabFound) => TabFound,
  badgeCount = countAll,
): Promise<void> {
  return byTab(tabId, async () => {
    const before = await readTabFound(tabId);
    const after = keep(before);
    if (Object.keys(after).length === Object.keys(before).length) return;
    await writeTabFound(tabId, after);
    await showFoundCount(tabId, await badgeCount(mergeFrames(ofPage(after))));
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return byTab(tabId, () => forgetTabFound(tabId));
}

/**
 * Drops what closed tabs found. Called when the worker starts, not when a tab
 * closes: listening for closed tabs would start the worker every time the
 * reader closes any tab. Tab ids are not reused within a browser session, so
 * until then a closed tab's entry is only unused, never shown for another tab.
 */
export async function forgetClosedTabs(): Promise<void> {
  // Stored first, open tabs second: a tab that reports in between is open when asked.
  const stored = Object.keys(await storage.snapshot('session'));
  const open = new Set((await browser.tabs.query({})).map((tab) => tab.id));
  const closed = stored.map(tabOfStoredKey).filter((tabId): tabId is number => tabId !== undefined && !open.has(tabId));
  await Promise.all([...new Set(closed)].map(forgetTab));
}
