import { browser } from 'wxt/browser';

/**
 * When the document a tab shows began (`performance.timeOrigin` of its top
 * frame), to tell its frames' reports from those of an earlier document at the
 * same address; undefined where the page cannot be asked (a browser page, a
 * PDF viewer, a page still committing).
 */
export async function documentTimeOrigin(tabId: number): Promise<number | undefined> {
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: () => performance.timeOrigin,
      // At once, not once the page is idle: a page still loading (or one that never finishes) must not hold the popup's answer.
      injectImmediately: true,
    });
    return typeof frame?.result === 'number' ? frame.result : undefined;
  } catch {
    return undefined;
  }
}
