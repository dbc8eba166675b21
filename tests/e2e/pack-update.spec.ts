import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { browser as ExtensionApi } from 'wxt/browser';
import { shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test as base } from './fixtures';
import { firstReadingDone } from './first-reading';
import { badgeText, listedCounts, openPopupFor } from './popup-page';
import { packSourceHash } from '../../core/story/pack-hash';
import { findChromium } from '../../tooling/find-browser';
import { readPackSource } from '../../tooling/pack-files';
import type { PageServer } from '../../tooling/page-server';
import { CHROME_BUILD_DIR, extensionFlags } from '../../tooling/launch-extension';

/** One fact of the pack as built, and as the next version words it. */
const FACT = 'Putin’s comments were published in North Korean state media."';
// In the words of the sentence it cites, as the pack check asks of every fact.
const FACT_UPDATED = 'Putin’s comments were published in state media as he headed to Pyongyang."';
const OLD_WORDING = 'published in North Korean state media';
const NEW_WORDING = 'published in state media as he headed to Pyongyang';

interface Installed {
  context: BrowserContext;
  extensionId: string;
  /**
   * Rewrites the installed build's background (where the pack is bundled) as the next version's, whose pack differs
   * by `changes` (each at the first place its text stands), and so does the hash the build computed of it.
   */
  editPack: (changes: readonly (readonly [from: string, to: string])[]) => void;
  /** Has Chromium update the extension from its folder, as the web store's update does, and waits for the new version. */
  update: () => Promise<void>;
}

/**
 * The extension loaded from a folder of its own, which a test rewrites as the
 * next version, then has Chromium load again: an update in a running browser.
 * Playwright's default `--disable-extensions` would refuse the reload.
 */
const test = base.extend<{ installed: Installed }>({
  // Needs no other fixture: it launches its own browser.
  // eslint-disable-next-line no-empty-pattern
  installed: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-ext-'));
    const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
    cpSync(CHROME_BUILD_DIR, dir, { recursive: true });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [...extensionFlags(dir), '--enable-unsafe-extension-debugging'],
      ignoreDefaultArgs: ['--disable-back-forward-cache', '--disable-extensions'],
    });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const cdp = await context.browser()!.newBrowserCDPSession();
    let version = 1;
    const manifestPath = join(dir, 'manifest.json');
    const background = join(dir, 'background.js');
    await use({
      context,
      extensionId,
      editPack: (changes) => {
        const change = (text: string) => changes.reduce((edited, [from, to]) => edited.replace(from, to), text);
        let built = readFileSync(background, 'utf8');
        const pack = readPackSource();
        // The bundle holds the pack's text as its files do: the first place of each is the same one.
        for (const [from] of changes) {
          expect(built, from).toContain(from);
          expect(built.split(from).length, from).toBe(JSON.stringify(pack.files).split(from).length);
        }
        const hash = packSourceHash(pack);
        const nextHash = packSourceHash({ ...pack, files: JSON.parse(change(JSON.stringify(pack.files))) as typeof pack.files });
        // Where the worker reads it (background/bundled-pack.ts), and with the build's matcher, whose names these changes leave as they are.
        expect(built.split(hash)).toHaveLength(3);
        built = change(built).replaceAll(hash, nextHash);
        writeFileSync(background, built);
      },
      update: async () => {
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
        manifest.version = `0.1.${version++}`;
        writeFileSync(manifestPath, JSON.stringify(manifest));
        await (cdp.send as (method: string, params: object) => Promise<unknown>)('Extensions.loadUnpacked', { path: dir });
        const probe = await context.newPage();
        await expect
          .poll(async () => {
            await probe.goto(`chrome-extension://${extensionId}/popup.html?tab=0`).catch(() => undefined);
            return probe.evaluate(() => (globalThis as unknown as { chrome: typeof ExtensionApi }).chrome.runtime.getManifest().version).catch(() => '');
          })
          .toBe(manifest.version);
        await probe.close();
      },
    });
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  },
});

/** The card `name` opens on hover, hovered again until it opens: after an update the page's scripts come anew. */
async function hoverCard(page: Page, name: string): Promise<string> {
  await page.bringToFront();
  let text = '';
  await expect
    .poll(
      async () => {
        await page.keyboard.press('Escape');
        await page.mouse.move(0, 0);
        const point = await pointOfText(page, name);
        await page.mouse.move(point.x, point.y);
        await page.waitForTimeout(300);
        text = (await shadowUiText(page)) ?? '';
        return text;
      },
      { timeout: 20_000 },
    )
    .toContain(name);
  return text;
}

test('a tab open across an update shows the new pack’s facts, and the popup and badge count its names', async ({ installed, server }) => {
  const { context, extensionId } = installed;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  const painted = await paintedMentions(page);
  expect(await hoverCard(page, 'Vladimir Putin')).toContain(OLD_WORDING);

  installed.editPack([[FACT, FACT_UPDATED]]);
  await installed.update();

  // The page was not loaded again: what it shows comes from the new version.
  const card = await hoverCard(page, 'Vladimir Putin');
  expect(card).toContain(NEW_WORDING);
  expect(card).not.toContain(OLD_WORDING);
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
  expect(await paintedMentions(page)).toBe(painted);
  const { popup, tabId } = await openPopupFor(context, extensionId, page);
  await expect.poll(async () => (await listedCounts(popup))['vladimir-putin']).toBe(7);
  expect(Number(await badgeText(popup, tabId))).toBeGreaterThan(10);
  await popup.close();

  // What the page adds later is read by the new version only, and no old copy takes the highlights back.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'John Kirby spoke again.';
    document.querySelector('article, main, body')!.prepend(p);
  });
  await page.mouse.wheel(0, 400);
  await expect.poll(() => paintedMentions(page)).toBe(painted + 1);
  await page.waitForTimeout(1000);
  expect(await paintedMentions(page)).toBe(painted + 1);

  const fresh = await context.newPage();
  await fresh.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(fresh)).toBeGreaterThan(5);
  expect(await hoverCard(fresh, 'Vladimir Putin')).toContain(NEW_WORDING);
});

test('an update whose pack fails its checks keeps the stored story: cards show the facts stored before', async ({ installed, server }) => {
  const { context } = installed;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  // A fact reworded, and a quote the article does not hold: stored whole or not at all, so the wording tells which.
  const BROKEN_QUOTE = '"quote":"His comments were published';
  installed.editPack([
    [FACT, FACT_UPDATED],
    [BROKEN_QUOTE, '"quote":"His remarks were published'],
  ]);
  await installed.update();
  const fresh = await context.newPage();
  await fresh.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(fresh)).toBeGreaterThan(5);
  const card = await hoverCard(fresh, 'Vladimir Putin');
  expect(card).toContain(OLD_WORDING);
  expect(card).not.toContain(NEW_WORDING);
});

test('a page without names open across an update is watched by the new version alone: a name it adds later is highlighted, and the old copy fails at nothing', async ({
  installed,
  server,
}) => {
  const { context } = installed;
  server.route('/quiet', '<!doctype html><html lang="en"><body><main><p>A page about the weather.</p></main></body></html>');
  const page = context.pages()[0] ?? (await context.newPage());
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('[Backstory]')) logged.push(message.text());
  });
  await page.goto(`${server.origin}/quiet`);
  await firstReadingDone(page, async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  // Changes screened while the first version is loaded: its watch is the one that runs.
  await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Rain later.' })));
  await page.waitForTimeout(700);

  await installed.update();
  await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'John Kirby spoke about the rain.' })));
  await expect.poll(() => paintedMentions(page)).toBe(1);
  expect(await hoverCard(page, 'John Kirby')).toContain('John Kirby');
  // The first version's watch, cut off from the extension, stopped rather than found the name and failed to ask for its annotator.
  await page.waitForTimeout(1000);
  expect(logged).toEqual([]);
});

/** The demo article in the first tab, highlighted, with a card opened once. */
async function demoWithCardOpened(context: BrowserContext, server: PageServer): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  await hoverCard(page, 'John Kirby');
  return page;
}

/** Switches Backstory off, then on if asked, as the reader does in chrome://extensions. */
async function switchInExtensionsPage(context: BrowserContext, extensionId: string, states: boolean[]): Promise<void> {
  const extensions = await context.newPage();
  await extensions.goto('chrome://extensions');
  await extensions.evaluate(
    async ({ id, states }) => {
      const { chrome } = globalThis as unknown as { chrome: typeof ExtensionApi };
      for (const enabled of states) await chrome.management.setEnabled(id, enabled);
    },
    { id: extensionId, states },
  );
  await extensions.close();
}

test('a tab open while Backstory was switched off and on again in the browser’s extensions page works as before', async ({ installed, server }) => {
  const { context, extensionId } = installed;
  const page = await demoWithCardOpened(context, server);
  await switchInExtensionsPage(context, extensionId, [false, true]);

  expect(await hoverCard(page, 'Vladimir Putin')).toContain(OLD_WORDING);
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
  const { popup, tabId } = await openPopupFor(context, extensionId, page);
  await expect.poll(async () => (await listedCounts(popup))['vladimir-putin']).toBe(7);
  expect(Number(await badgeText(popup, tabId))).toBeGreaterThan(10);
});

test('a tab open when Backstory is switched off in the browser’s extensions page keeps no highlights and no card once the reader is back on it', async ({
  installed,
  server,
}) => {
  const { context, extensionId } = installed;
  const page = await demoWithCardOpened(context, server);
  await switchInExtensionsPage(context, extensionId, [false]);

  // Back on the page, the reader moves the pointer over it.
  await page.bringToFront();
  const point = await pointOfText(page, 'Vladimir Putin');
  await expect
    .poll(async () => {
      await page.mouse.move(point.x, point.y + 1);
      await page.mouse.move(point.x, point.y);
      return paintedMentions(page);
    })
    .toBe(0);
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(0);
});

test('a tab open when Backstory is installed gets its highlights and cards without a reload', async ({ server }) => {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-ext-'));
  const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  cpSync(CHROME_BUILD_DIR, dir, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: ['--enable-unsafe-extension-debugging', '--no-first-run', '--disable-sync', '--disable-gpu'],
    ignoreDefaultArgs: ['--disable-back-forward-cache', '--disable-extensions'],
  });
  try {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.origin}/demo`);
    const cdp = await context.browser()!.newBrowserCDPSession();
    await (cdp.send as (method: string, params: object) => Promise<unknown>)('Extensions.loadUnpacked', { path: dir });
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
    expect(await hoverCard(page, 'John Kirby')).toContain('expressed concern over the deepening Moscow-Pyongyang relationship');
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a page left for another before an update has its highlights and cards when the reader goes back to it', async ({ installed, server }) => {
  const { context } = installed;
  const page = await demoWithCardOpened(context, server);
  server.route('/elsewhere', '<!doctype html><html lang="en"><body><p>A page about the weather.</p></body></html>');
  await page.goto(`${server.origin}/elsewhere`);
  await installed.update();
  // Chromium takes the page out of its back/forward cache when the extension whose scripts ran in it is unloaded
  // (its notRestoredReasons say "masked"), so it loads again, with the new version's scripts; no old copy is left
  // in it as in Firefox (tests/firefox/update.spec.ts). A restored page would fire no load event to wait for.
  await page.goBack({ waitUntil: 'commit' });
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  expect(await hoverCard(page, 'Vladimir Putin')).toContain(OLD_WORDING);
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
});
