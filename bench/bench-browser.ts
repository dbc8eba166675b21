import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { findChromium } from '../tooling/find-browser';

/** Only the local page server: the saved pages reference trackers and CDNs, and nothing may leave this machine. */
export const NOT_LOCAL_HTTP = /^https?:\/\/(?!127\.0\.0\.1[:/])/;
const NOT_LOCAL_WS = /^wss?:\/\/(?!127\.0\.0\.1[:/])/;

export async function keepLocal(context: BrowserContext): Promise<void> {
  await context.route(NOT_LOCAL_HTTP, (route) => route.abort());
  // A mocked socket that is never connected to its server.
  await context.routeWebSocket(NOT_LOCAL_WS, (socket) => socket.close());
}

export interface BenchBrowser {
  browser: Browser;
  /**
   * A context of its own for each page load: its page gets a renderer process
   * of its own, so the JS heap measured is that page's alone, not shared with
   * a page closed a moment ago.
   */
  newContext(): Promise<BrowserContext>;
}

/** Chromium for the in-page variants: exact heap figures and a gc() to take them after, no extension loaded. */
export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--enable-precise-memory-info', '--js-flags=--expose-gc', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    browser,
    async newContext() {
      // Saved pages may carry a CSP that would refuse the injected bundles.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      await keepLocal(context);
      return context;
    },
  };
}
