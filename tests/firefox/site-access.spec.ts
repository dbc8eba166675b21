/**
 * The toolbar popup where Firefox keeps Backstory from reading a page: access
 * to sites withheld by the reader (Firefox's "when clicked" origin control), a
 * page opened before the reader allowed the site, the PDF viewer, and the
 * sites Firefox keeps every extension off.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { paintedTextsInPage } from '../../tooling/painted-texts';
import { ONE_LINE_PDF } from '../fixtures/one-line-pdf';
import { expect, test, withWindowAccess } from './fixtures';
import {
  allowFileAccess,
  clickToolbarPopupButton,
  closeToolbarPopup,
  openToolbarPopup,
  pressBackstoryShortcut,
  pressToolbarPopupButton,
  onThisPageText,
  setSiteAccess,
} from './toolbar-popup';

const NOBODY = 'None of this story’s names are on this page.';
const painted = (tab: Page) => tab.evaluate(paintedTextsInPage);

/** The demo article in a new tab, with "Access your data for all websites" switched off in about:addons: nothing is read. */
async function demoWithoutAccess(browser: Browser, extensionId: string, origin: string): Promise<Page> {
  await setSiteAccess(browser, extensionId, ['<all_urls>'], false);
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 800 });
  await tab.goto(`${origin}/demo`);
  await new Promise((done) => setTimeout(done, 1000));
  expect(await painted(tab)).toEqual([]);
  return tab;
}

test('in Firefox, with access to sites withheld, clicking Backstory’s button reads the page: the popup lists its names, not that it cannot read the site', async ({
  server,
}) => {
  await withWindowAccess({}, async (browser, extensionId) => {
    const tab = await demoWithoutAccess(browser, extensionId, server.origin);

    // A click on the button lets Backstory read this tab now (Firefox runs its scripts there).
    await openToolbarPopup(browser, extensionId);
    await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(20);
    await expect.poll(() => onThisPageText(browser)).toContain('20 names from this story');
    const shown = await onThisPageText(browser);
    expect(shown).not.toContain('cannot read');
    // Reading it without a click is still on offer.
    expect(shown).toContain('Allow Backstory on this site');
  });
});

test('in Firefox, with access to sites withheld, Backstory’s keyboard shortcut reads the page and opens the card of its first name, as a click on its button would read it', async ({
  server,
}) => {
  await withWindowAccess({}, async (browser, extensionId) => {
    const tab = await demoWithoutAccess(browser, extensionId, server.origin);

    // Firefox lets Backstory into the tab on its shortcut, as on a click of its button.
    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(20);
    await expect.poll(() => tab.evaluate(() => document.activeElement?.localName)).toBe('backstory-card');
  });
});

test('in Firefox, with access to sites withheld, “Allow Backstory on this site” gives it the site: the tab loads again and is read, and so is the next page of the site', async ({
  server,
}) => {
  // Firefox grants what the reader is asked for without showing its prompt, which a test cannot answer.
  await withWindowAccess({ 'extensions.webextOptionalPermissionPrompts': false }, async (browser, extensionId) => {
    const tab = await demoWithoutAccess(browser, extensionId, server.origin);
    await tab.evaluate(() => ((window as unknown as { before: boolean }).before = true));
    await openToolbarPopup(browser, extensionId);
    await expect.poll(() => onThisPageText(browser)).toContain('Allow Backstory on this site');

    await pressToolbarPopupButton(browser, 'Allow Backstory on this site');
    // Loaded again, so read as any page of a site Backstory may read.
    await expect.poll(() => tab.evaluate(() => (window as unknown as { before?: boolean }).before ?? false)).toBe(false);
    await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(20);
    await expect.poll(() => onThisPageText(browser)).not.toContain('Allow Backstory on this site');
    await closeToolbarPopup(browser);

    const next = await browser.newPage();
    await next.goto(`${server.origin}/demo`);
    await expect.poll(async () => (await painted(next)).length).toBeGreaterThan(20);
  });
});

test('in Firefox, a page opened before the reader allowed Backstory on its site is read once allowed, without a reload, and the popup lists its names', async ({
  server,
}) => {
  await withWindowAccess({}, async (browser, extensionId) => {
    await setSiteAccess(browser, extensionId, ['<all_urls>'], false);
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/demo`);
    await new Promise((done) => setTimeout(done, 1000));
    expect(await painted(tab)).toEqual([]);
    // Noted on the page: a reload would take it away.
    await tab.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
    // Allowed from about:addons or the extensions panel: Firefox itself reads the page only once it loads again, so the
    // background reads the site's open tabs once the access is given (background/site-access-granted.ts).
    await setSiteAccess(browser, extensionId, ['<all_urls>'], true);
    await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(20);
    expect(await painted(tab)).toContain('Vladimir Putin');

    await openToolbarPopup(browser, extensionId);
    await expect.poll(() => onThisPageText(browser)).toContain('20 names from this story');
    const shown = await onThisPageText(browser);
    expect(shown).not.toContain(NOBODY);
    expect(shown).not.toContain('Reload the page');
    expect(await tab.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});

test('in Firefox, a PDF in its viewer, or a site Firefox keeps extensions off, is not said to mention nobody', async ({ server }) => {
  server.route(
    '/report.pdf',
    ONE_LINE_PDF,
    'application/pdf',
  );
  // As Firefox does addons.mozilla.org, support.mozilla.org and accounts.firefox.com.
  await withWindowAccess({ 'extensions.webextensions.restrictedDomains': 'localhost' }, async (browser, extensionId) => {
    const tab = await browser.newPage();
    for (const url of [`${server.origin}/report.pdf`, `${server.origin.replace('127.0.0.1', 'localhost')}/demo`]) {
      await tab.goto(url);
      await openToolbarPopup(browser, extensionId);
      await expect.poll(() => onThisPageText(browser)).toContain('Backstory does not run on this page');
      expect(await onThisPageText(browser)).not.toContain(NOBODY);
      await closeToolbarPopup(browser);
    }
  });
});

// Playwright reads a fixture's dependencies from its destructured first argument: none here.
// eslint-disable-next-line no-empty-pattern
test('in Firefox, a local file Backstory may not read yet says how to allow it in Firefox, not that nobody is mentioned; allowed, the file reloads and is read', async ({}, testInfo) => {
  const file = testInfo.outputPath('saved-article.html');
  writeFileSync(file, '<!doctype html><html lang="en"><title>Saved</title><p>Vladimir Putin arrived in Pyongyang.</p></html>');
  await withWindowAccess({}, async (browser, extensionId) => {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(file).href);
    await openToolbarPopup(browser, extensionId);
    // Firefox asks the reader to allow local files, in about:addons: not Chrome's Extensions page.
    await expect.poll(() => onThisPageText(browser)).toContain('Access local files on your computer');
    const shown = await onThisPageText(browser);
    expect(shown).not.toContain(NOBODY);
    expect(shown).not.toContain('Allow access to file URLs');
    expect(await painted(tab)).toEqual([]);

    await allowFileAccess(browser, extensionId);
    await clickToolbarPopupButton(browser, 'Reload the page');
    await expect.poll(() => onThisPageText(browser)).toContain('2 names from this story');
    expect(await painted(tab)).toEqual(['Vladimir Putin', 'Pyongyang']);
  });
});
