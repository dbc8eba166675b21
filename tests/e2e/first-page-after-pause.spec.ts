import type { BrowserContext, Page } from '@playwright/test';
import type { browser as ExtensionApi } from 'wxt/browser';
import { SERVED_PACK_KEY } from '../../extension/annotator-keys';
import { watchFirstHighlight } from '../../tooling/first-highlight';
import { stopServiceWorker } from '../../tooling/service-worker';
import { expect, paintedMentions, test } from './fixtures';
import { badgeText, openPopupFor } from './popup-page';

/** Notes, in the page's main world, when the first frame with a highlight came, on the clock every process shares. */
const WATCH_FIRST_HIGHLIGHT = watchFirstHighlight('__firstHighlightAt', 'wall');

type Chrome = { chrome: typeof ExtensionApi };

/** The running service worker's answer to `fn`, once there is one: after a stop, the next message starts another. */
async function inWorker<T>(context: BrowserContext, extensionId: string, fn: () => Promise<T> | T): Promise<T> {
  let answer: { value: T } | undefined;
  await expect
    .poll(async () => {
      const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId));
      answer = worker ? await worker.evaluate(fn).then((value) => ({ value }), () => undefined) : undefined;
      return answer !== undefined;
    })
    .toBe(true);
  return answer!.value;
}

const servedPack = (context: BrowserContext, extensionId: string) =>
  inWorker(context, extensionId, async () => (await (globalThis as unknown as Chrome).chrome.storage.local.get('servedPack')).servedPack);

/** The demo article in a new tab, loaded after the worker was stopped: when its first highlight came, and when the worker started again. */
async function demoAfterStop(context: BrowserContext, extensionId: string, origin: string): Promise<{ page: Page; highlightAt: number; workerAt: number }> {
  await stopServiceWorker(context, extensionId);
  const page = await context.newPage();
  await page.addInitScript(WATCH_FIRST_HIGHLIGHT);
  await page.goto(`${origin}/demo`);
  await page.waitForFunction(() => (window as { __firstHighlightAt?: number }).__firstHighlightAt !== undefined);
  const highlightAt = await page.evaluate(() => (window as { __firstHighlightAt?: number }).__firstHighlightAt!);
  // A worker's clock starts with it.
  const workerAt = await inWorker(context, extensionId, () => performance.timeOrigin);
  return { page, highlightAt, workerAt };
}

test.describe('the first page after the service worker stopped (as Chrome stops it after 30 s idle)', () => {
  test.beforeEach(async ({ context, extensionId, page, server }) => {
    // Installed, the story stored, and the pack it came from noted for pages.
    await page.goto(`${server.origin}/demo`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
    expect(SERVED_PACK_KEY).toBe('servedPack');
    await expect.poll(() => servedPack(context, extensionId)).toEqual(expect.any(String));
    // Nothing of this page may wake the worker later (its card script asked for in idle time, its reports).
    await page.goto('about:blank');
  });

  test('shows the names of a top frame before the worker has even started, and the badge counts them once it has', async ({
    context,
    extensionId,
    server,
  }) => {
    const { page, highlightAt, workerAt } = await demoAfterStop(context, extensionId, server.origin);
    // What woke it: the first report of the names found, sent once they were shown.
    expect(workerAt).toBeGreaterThan(highlightAt);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect.poll(async () => Number(await badgeText(popup, tabId))).toBeGreaterThan(10);
  });

  test('asks the worker for the story’s matcher when its rows are not those of the pack the page’s scripts were built with', async ({
    context,
    extensionId,
    server,
  }) => {
    const served = await servedPack(context, extensionId);
    await inWorker(context, extensionId, () => (globalThis as unknown as Chrome).chrome.storage.local.set({ servedPack: 'a pack of an older version' }));
    const { page, highlightAt, workerAt } = await demoAfterStop(context, extensionId, server.origin);
    expect(workerAt).toBeLessThan(highlightAt);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
    // Woken, the worker notes the pack it serves again: the next page needs it not.
    await expect.poll(() => servedPack(context, extensionId)).toBe(served);
  });
});
