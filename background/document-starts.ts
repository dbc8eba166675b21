import { browser } from 'wxt/browser';
import { DOCUMENT_START, documentStart } from '../extension/story-keys';
import { within } from './within';

/** How long a tab's frames are waited for: one frozen or showing a dialog (alert(), beforeunload) answers nothing until it wakes. */
export const PROBE_WAIT_MS = 1000;

/**
 * When the document in each frame of a tab began (extension/story-keys.ts,
 * documentStart: as its reports say), by frame id: tells a frame's report from
 * one of an earlier document in it (a reload, a ticker that moved on), and a
 * frame the page has removed (absent). Undefined where the page cannot be
 * asked (a browser page, a PDF viewer, a page still committing). Frames whose
 * address is not on the web (about:blank, srcdoc) may be missing though
 * present: the browser injects there only with the page's own permission.
 * Undefined too where the tab does not answer within PROBE_WAIT_MS: the
 * popup's answer waits on it.
 */
export async function documentStarts(tabId: number): Promise<Map<number, number> | undefined> {
  try {
    const asked = browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      // In the frame's content-script world, where the script on every page noted it (or noted now, where it has not run).
      func: documentStart,
      args: [DOCUMENT_START],
      // At once, not once the page is idle: a page still loading (or one that never finishes) must not hold the popup's answer.
      injectImmediately: true,
    });
    const frames = await within(asked, PROBE_WAIT_MS);
    if (!frames) return undefined;
    const starts = new Map<number, number>();
    // A frame whose start was noted too late to be known (extension/story-keys.ts) is there all the same: NaN, before
    // and after nothing, keeps its reports.
    for (const frame of frames) starts.set(frame.frameId, typeof frame.result === 'number' ? frame.result : Number.NaN);
    return starts.has(0) ? starts : undefined;
  } catch {
    return undefined;
  }
}
