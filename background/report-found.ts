import type { MentionCounts } from '../core/messages/protocol';
import { showFoundCount } from './badge';
import { createPerKeyQueue } from './per-key-queue';
import { applyFrameReport, forgetTabFound, mergeFrames, readTabFound, writeTabFound } from './tab-found';

const byTab = createPerKeyQueue<number>();

export interface FrameReport {
  tabId: number;
  frameId: number;
  url: string;
  /** The tab's URL as the browser saw it when the frame reported. */
  topUrl: string | undefined;
  counts: MentionCounts;
}

/** Stores what one frame found and updates the tab's badge. */
export function recordFrameReport({ tabId, frameId, url, topUrl, counts }: FrameReport): Promise<void> {
  return byTab(tabId, async () => {
    const before = await readTabFound(tabId);
    const after = applyFrameReport(before, frameId, topUrl === undefined ? { url, counts } : { url, topUrl, counts });
    // Frames re-report unchanged counts as pages mutate; an unchanged write would still wake every open popup.
    if (JSON.stringify(after) !== JSON.stringify(before)) await writeTabFound(tabId, after);
    // Always set: a reload clears the badge even when the counts stay the same.
    await showFoundCount(tabId, mergeFrames(after).size);
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return byTab(tabId, () => forgetTabFound(tabId));
}
