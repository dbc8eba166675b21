import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { renderDemoPage } from '../../tooling/demo-page';
import { findFirefox } from '../../tooling/find-browser';
import { paintedTextsInPage } from '../../tooling/painted-texts';
import { textPointInPage } from '../../tooling/text-point';
import { expect, FIREFOX_BUILD, needFirefox, test, withWindowAccess } from './fixtures';
import { setAddonEnabled } from './toolbar-popup';
import { cardPointsInPage } from '../../tooling/card-points';


async function hover(tab: Page, text: string): Promise<void> {
  const point = await tab.evaluate(textPointInPage, { text, occurrence: 0 });
  await tab.mouse.move(point!.x, point!.y);
}

/** Hovers `text` afresh until its card shows: the new scripts come into the page some time after the add-on is back. */
async function expectCardOnHover(tab: Page, text: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await tab.mouse.move(5, 790);
        await hover(tab, text);
        await new Promise((done) => setTimeout(done, 300));
        return tab.evaluate(cardPointsInPage);
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(100);
}

test('in Firefox, a card open when the extension updates closes as any card does, and leaves no second one', async ({ server }) => {
  const executablePath = findFirefox();
  needFirefox(executablePath);
  // Installed from a folder of its own, which is then rewritten as the next version and installed again.
  const dir = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  cpSync(FIREFOX_BUILD, dir, { recursive: true });
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: executablePath!, headless: true });
  try {
    await browser.installExtension(dir);
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`${server.origin}/demo`);
    await expect.poll(async () => (await tab.evaluate(paintedTextsInPage)).length).toBeGreaterThan(20);
    await hover(tab, 'Vladimir Putin');
    await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);

    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
    await browser.installExtension(dir);

    // Firefox puts the new version's scripts into the open page; the old version's card must not outlive its scripts.
    await expect
      .poll(
        async () => {
          await tab.mouse.move(5, 790);
          await tab.keyboard.press('Escape');
          return tab.evaluate(cardPointsInPage);
        },
        { timeout: 20_000 },
      )
      .toBe(0);
    expect(await tab.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
    await hover(tab, 'John Kirby');
    await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Not fixed. Firefox restores the page from its back/forward cache with the old version's card and highlights, its
// scripts unloaded (the pointer and Escape reach nothing), and puts the new version's scripts only into the documents
// tabs show at the update: the page has no working Backstory until it is reloaded. Chromium evicts such a page from
// its cache instead (tests/e2e/pack-update.spec.ts). The background would have to hear of the page's return (tabs or
// webNavigation events), which would start it on every page load of every tab.
test.fixme('in Firefox, a page kept in the back/forward cache across an update has its cards again when the reader goes back to it', async ({ server }) => {
  const executablePath = findFirefox();
  needFirefox(executablePath);
  const dir = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  cpSync(FIREFOX_BUILD, dir, { recursive: true });
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: executablePath!, headless: true });
  try {
    await browser.installExtension(dir);
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    // Firefox keeps no page served `no-store` in the cache, as the server serves the others.
    server.route('/demo-cached', renderDemoPage(), undefined, { cacheable: true });
    server.route('/elsewhere', '<!doctype html><html lang="en"><body><p>A page about the weather.</p></body></html>');
    await tab.goto(`${server.origin}/demo-cached`);
    await expect.poll(async () => (await tab.evaluate(paintedTextsInPage)).length).toBeGreaterThan(20);
    await hover(tab, 'Vladimir Putin');
    await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
    await tab.evaluate(() => ((window as unknown as { cachedPage: boolean }).cachedPage = true));
    await tab.goto(`${server.origin}/elsewhere`);

    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
    await browser.installExtension(dir);
    // Back as the reader goes: a page restored from the cache is not loaded, so no load event comes to wait for.
    await tab.evaluate(() => history.back());
    // The very page, back from the cache.
    await expect.poll(() => tab.evaluate(() => (window as unknown as { cachedPage?: boolean }).cachedPage ?? false).catch(() => false)).toBe(true);

    await expect
      .poll(
        async () => {
          await tab.mouse.move(5, 790);
          await tab.keyboard.press('Escape');
          return tab.evaluate(cardPointsInPage);
        },
        { timeout: 20_000 },
      )
      .toBe(0);
    await expectCardOnHover(tab, 'John Kirby');
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('in Firefox, a card open when the reader switches Backstory off in about:addons goes with the highlights, and comes back when switched on', async ({ server }) => {
  await withWindowAccess({}, async (browser, extensionId) => {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`${server.origin}/demo`);
    await expect.poll(async () => (await tab.evaluate(paintedTextsInPage)).length).toBeGreaterThan(20);
    await hover(tab, 'Vladimir Putin');
    await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);

    // Firefox unloads the card's script and takes Backstory's styles out of the page, the highlights' with them.
    await setAddonEnabled(browser, extensionId, false);
    await expect.poll(() => tab.evaluate(cardPointsInPage)).toBe(0);

    await setAddonEnabled(browser, extensionId, true);
    await expectCardOnHover(tab, 'John Kirby');
    expect(await tab.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
  });
});
