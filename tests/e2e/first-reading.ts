import type { Page, Worker } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { expect } from './fixtures';

/**
 * Waits until the script on every page has read the first screen of `page`, in its top frame and in every frame
 * that has it (page/reading-mark.ts): a change made from then on is one the watch must find, not the first reading.
 * A guessed wait passed without testing the watch on a machine slow enough for the change to beat the first reading.
 */
export async function firstReadingDone(page: Page, serviceWorker: () => Promise<Worker>, { frames = 1 } = {}): Promise<void> {
  const worker = await serviceWorker();
  const url = page.url();
  const done = () =>
    expect
      .poll(() =>
        worker.evaluate(async (url) => {
          const { chrome } = globalThis as unknown as { chrome: typeof browser };
          const tab = (await chrome.tabs.query({})).find((tab) => tab.url === url);
          if (tab?.id === undefined) return 0;
          const frames = await chrome.scripting.executeScript({
            target: { tabId: tab.id, allFrames: true },
            func: () => Symbol.for('backstory.story') in globalThis && !(Symbol.for('backstory.reading') in globalThis),
          });
          return frames.filter((frame) => frame.result === true).length;
        }, url),
      )
      .toBeGreaterThanOrEqual(frames);
  await done();
  // The script marks itself as it runs and begins reading in a task after (entrypoints/story): a look in between would
  // find it marked and not reading. A task of each frame's own, queued now, runs after that one; then look again.
  for (const frame of page.frames()) await frame.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0))).catch(() => {});
  await done();
}
