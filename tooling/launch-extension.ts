import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { findChromium } from './find-browser';

export const CHROME_BUILD_DIR = resolve('.output/chrome-mv3');

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close: () => Promise<void>;
}

/** Chromium's switches for a run with only the extension in `extensionDir`, and nothing of its own on the network. */
export function extensionFlags(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-gpu',
  ];
}

/**
 * Chromium with the built extension loaded, in a fresh profile that is deleted
 * on close; or in `profile`, kept, for a test of what the browser remembers
 * across a restart.
 */
export async function launchWithExtension(
  options: {
    headless?: boolean;
    extensionDir?: string;
    colorScheme?: 'light' | 'dark' | 'no-preference';
    viewport?: { width: number; height: number };
    profile?: string;
    /** Scroll bars that take room beside the page, as on Windows and Linux desktops; headless Chromium hides them. */
    scrollbars?: boolean;
  } = {},
): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: extensionFlags(extensionDir),
    // Playwright turns the back-forward cache off; readers' browsers have it on, and a page restored from it runs nothing again.
    ignoreDefaultArgs: ['--disable-back-forward-cache', ...(options.scrollbars ? ['--hide-scrollbars'] : [])],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
