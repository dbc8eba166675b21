import { test as base, expect } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../tooling/find-browser';
import { FIREFOX_BUILD_DIR } from '../../tooling/firefox-window';
import { pageServerFixture, type PageServer } from '../../tooling/page-server';
import { launchFirefoxWithPopupAccess } from './toolbar-popup';

/** `npm test` builds it before the end-to-end tests run. */
export const FIREFOX_BUILD = FIREFOX_BUILD_DIR;

const NO_FIREFOX = 'No Firefox: install firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.';

/**
 * Skips the test where no Firefox is installed, but fails it in CI: `.ci/run` installs Debian's firefox-esr, and a
 * runner without it would otherwise pass the whole Firefox suite untested.
 */
export function needFirefox(found: unknown): void {
  if (!found && process.env.CI) throw new Error(`${NO_FIREFOX} In CI the Firefox tests must run.`);
  test.skip(!found, NO_FIREFOX);
}

interface TabFixtures {
  /** A tab of Firefox with the built extension installed. */
  tab: Page;
  /** Errors thrown by the tab's page, checked empty by the tests. */
  tabErrors: Error[];
}

interface WorkerFixtures {
  server: PageServer;
  /** Null where no Firefox is installed. */
  firefox: Browser | null;
}

/**
 * Firefox through WebDriver BiDi (puppeteer-core: Playwright's Firefox is a
 * patched build it must download, and cannot load extensions). The Firefox
 * build of the extension is installed as a temporary add-on, as `about:debugging` does.
 */
export const test = base.extend<TabFixtures, WorkerFixtures>({
  server: pageServerFixture,
  firefox: [
    // Playwright reads a fixture's dependencies from its destructured first argument: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const executablePath = findFirefox();
      if (!executablePath) {
        await use(null);
        return;
      }
      const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
      try {
        await browser.installExtension(FIREFOX_BUILD);
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  tabErrors: async ({}, use) => {
    await use([]);
  },
  tab: async ({ firefox, tabErrors }, use) => {
    // Only where Firefox is absent: `.ci/run` installs Debian's firefox-esr.
    needFirefox(firefox);
    const tab = await firefox!.newPage();
    tab.on('pageerror', (error) => tabErrors.push(error instanceof Error ? error : new Error(String(error))));
    await tab.setViewport({ width: 1280, height: 800 });
    await use(tab);
    await tab.close();
  },
});

export { expect };

/**
 * Runs `run` in a Firefox of its own, whose browser window the test may drive
 * (the toolbar popup, the extension's permissions, its keyboard shortcut:
 * toolbar-popup.ts), with `prefs` set; skipped where no Firefox is installed.
 */
export async function withWindowAccess(prefs: Record<string, unknown>, run: (browser: Browser, extensionId: string) => Promise<void>): Promise<void> {
  const executablePath = findFirefox();
  needFirefox(executablePath);
  const { browser, extensionId } = await launchFirefoxWithPopupAccess(executablePath!, FIREFOX_BUILD, prefs);
  try {
    await run(browser, extensionId);
  } finally {
    await browser.close();
  }
}
