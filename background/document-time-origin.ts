import { browser } from 'wxt/browser';

/**
 * When the document in each frame of a tab began (`performance.timeOrigin`),
 * by frame id: tells a frame's report from one of an earlier document in it (a
 * reload, a ticker that moved on), and a frame the page has removed (absent).
 * Undefined where the page cannot be asked (a browser page, a PDF viewer, a
 * page still committing). Frames whose address is not on the web (about:blank,
 * srcdoc) may be missing though present: the browser injects there only with
 * the page's own permission.
 */
export async function documentTimeOrigins(tabId: number): Promise<Map<number, number> | undefined> {
  try {
    const frames = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: () => performance.timeOrigin,
      // At once, not once the page is idle: a page still loading (or one that never finishes) must not hold the popup's answer.
      injectImmediately: true,
    });
    const origins = new Map<number, number>();
    for (const frame of frames) if (typeof frame.result === 'number') origins.set(frame.frameId, frame.result);
    return origins.has(0) ? origins : undefined;
  } catch {
    return undefined;
  }
}
