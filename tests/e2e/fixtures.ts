import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension } from '../../tooling/launch-extension';
import { pageServerFixture, type PageServer } from '../../tooling/page-server';
import { textPointInPage } from '../../tooling/text-point';

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  /** Errors thrown by any page of the test, checked empty at the end. */
  pageErrors: Error[];
  /** Scroll bars that take room beside the page (test.use({ scrollbars: true })); hidden by default, as headless Chromium has them. */
  scrollbars: boolean;
}

interface WorkerFixtures {
  server: PageServer;
}

export const test = base.extend<ExtensionFixtures, WorkerFixtures>({
  server: pageServerFixture,
  scrollbars: [false, { option: true }],
  context: async ({ colorScheme, scrollbars }, use) => {
    const launched = await launchWithExtension({ colorScheme: colorScheme ?? 'light', scrollbars });
    // The saved news pages reference trackers and CDNs: nothing leaves this machine.
    await launched.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await use(launched.context);
    await launched.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
  serviceWorker: async ({ context }, use) => {
    await use(async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  pageErrors: async ({ context }, use) => {
    const errors: Error[] = [];
    context.on('page', (page) => page.on('pageerror', (error) => errors.push(error)));
    await use(errors);
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});

export { expect };

/** The demo story's headline, as the popup and the cards show it. */
export const HEADLINE = 'Putin Praises North Korea’s Support, Plans Closer Cooperation to Counter U.S.-Led Sanctions';

/** Number of mentions painted by Backstory near the viewport, read from the page's highlight registry. */
export function paintedMentions(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);
}

/** Viewport centre of an occurrence of `text` in the page's text, its element scrolled to the centre first unless `scroll` is false. */
export async function pointOfText(page: Page, text: string, occurrence = 0, scroll = true) {
  const point = await page.evaluate(textPointInPage, { text, occurrence, scroll });
  if (!point) throw new Error(`"${text}" is not on the page`);
  return point;
}
