import type { BrowserContext, Page } from '@playwright/test';

/**
 * Stops the extension's service worker the way Chrome does when it idles, so tests
 * prove that nothing the extension needs lived only in the worker's memory. Through
 * `via` when given, else through a tab of its own, opened and closed.
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string, via?: Page): Promise<void> {
  const page = via ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (versions.some((v) => v.scriptURL.includes(extensionId) && v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach();
    if (!via && !page.isClosed()) await page.close();
  }
}

/**
 * Watches the extension's service worker from `page` and tells whether it was
 * started since: proof that something worked without it.
 */
export async function watchServiceWorker(page: Page, extensionId: string): Promise<{ started: () => boolean; stop: () => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  let started = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    if (versions.some((v) => v.scriptURL.includes(extensionId) && v.runningStatus !== 'stopped')) started = true;
  });
  await cdp.send('ServiceWorker.enable');
  return { started: () => started, stop: () => cdp.detach() };
}
