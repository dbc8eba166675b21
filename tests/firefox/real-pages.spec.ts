/**
 * The saved news pages of ../shared/pages in Firefox, as tests/e2e/real-pages.spec.ts
 * reads them in Chromium: what the Node walk finds is what the popup lists, the
 * page's text stays as it was, a name in view is highlighted and its card
 * opens and closes, and nothing of ours throws. One Firefox for all the pages,
 * kept off the network: the pages' stylesheets, fonts and images elsewhere
 * would each take seconds to fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { HIDDEN_ON_SAVED_PAGES } from '../../tooling/hidden-on-saved-pages';
import { SHARED_PAGES_DIR } from '../../tooling/page-server';
import { expect, test, withWindowAccess } from './fixtures';
import { closeToolbarPopup, onThisPageText, openToolbarPopup } from './toolbar-popup';
import { cardPointsInPage } from '../../tooling/card-points';

const pages = existsSync(SHARED_PAGES_DIR) ? readdirSync(SHARED_PAGES_DIR).filter((f) => f.endsWith('.html')).sort() : [];

/** Every address but the test server's goes to a port nobody listens on: refused at once. */
const OFFLINE = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};

/** Per page, each name the Node walk finds with how many times (npm run mentions), as the popup lists them: but for the mentions the page hides. */
function expectedNames(): Map<string, Map<string, number>> {
  const out = execFileSync('node_modules/.bin/tsx', ['scripts/mentions.ts', ...pages.map((p) => join(SHARED_PAGES_DIR, p))], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const byFile = new Map<string, Map<string, number>>(pages.map((p) => [p, new Map()]));
  const nameOf = new Map<string, string>();
  for (const line of out.split('\n').filter(Boolean)) {
    const { file, entity, name } = JSON.parse(line) as { file: string; entity: string; name: string };
    nameOf.set(entity, name);
    const names = byFile.get(file.split('/').pop()!)!;
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  // The popup counts only the mentions the reader can see: not those in parts the page's styles hide.
  for (const [page, hidden] of Object.entries(HIDDEN_ON_SAVED_PAGES)) {
    const names = byFile.get(page);
    for (const [entity, count] of Object.entries(hidden)) {
      const name = nameOf.get(entity);
      if (!names || name === undefined) continue;
      const left = (names.get(name) ?? 0) - count;
      if (left > 0) names.set(name, left);
      else names.delete(name);
    }
  }
  return byFile;
}

/** The names of the popup's "On this page" list with their counts; null while it shows none. */
async function popupNames(browser: Browser): Promise<Map<string, number> | null> {
  const section = await onThisPageText(browser);
  if (section.includes('None of this story’s names')) return new Map();
  const rows = [...section.matchAll(/^(.+)\n(\d+)\n\d+ mentions?$/gm)];
  return rows.length ? new Map(rows.map(([, name, count]) => [name!, Number(count)])) : null;
}

/**
 * Runs in the page: the centre of the first highlighted name the reader sees
 * (in the viewport, not under something else); else where on the page the
 * first highlighted name laid out outside the viewport is, to scroll to (a
 * name in a part the site's CSS hides has no box).
 */
function namePointInPage(): { point: { x: number; y: number } | null; elsewhere: number | null } {
  let elsewhere: number | null = null;
  for (const mention of CSS.highlights.get('backstory-mention') ?? []) {
    const range = document.createRange();
    range.setStart(mention.startContainer, mention.startOffset);
    range.setEnd(mention.endContainer, mention.endOffset);
    const box = range.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.top < 0 || box.bottom > innerHeight) {
      elsewhere ??= scrollY + box.top;
      continue;
    }
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    const parent = range.startContainer.parentElement;
    if (hit && parent && (hit === parent || parent.contains(hit))) return { point: { x, y }, elsewhere: null };
  }
  return { point: null, elsewhere };
}


const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Scrolls down the page two screens at a time (names are painted a screen
 * beyond the viewport either way), and to the first highlighted name laid out
 * there, until one is in view: its point; else whether any was laid out.
 */
async function scrollToAName(tab: Page): Promise<{ point: { x: number; y: number } | null; laidOut: boolean }> {
  const height = await tab.evaluate(() => document.documentElement.scrollHeight);
  let laidOut = false;
  for (let y = 0; y < height; y += 1600) {
    await tab.evaluate((top) => scrollTo(0, top), y);
    // Painting follows the scroll in idle time.
    for (let tries = 0; tries < 4; tries++) {
      const found = await tab.evaluate(namePointInPage);
      if (found.point) return { point: found.point, laidOut: true };
      if (found.elsewhere !== null) {
        laidOut = true;
        await tab.evaluate((top) => scrollTo(0, top - 300), found.elsewhere);
      }
      await pause(50);
    }
  }
  return { point: null, laidOut };
}

test.describe('real news pages in Firefox', () => {
  test.skip(pages.length === 0, `no saved pages in ${SHARED_PAGES_DIR}`);

  test('the popup lists what the Node walk finds, the text is untouched, a name’s card opens and closes, nothing of ours throws', async ({
    server,
  }) => {
    // About 40 s for the sixteen pages here; the rest is room for a busy machine.
    test.setTimeout(120_000);
    const expected = expectedNames();
    await withWindowAccess(OFFLINE, async (browser, extensionId) => {
      const tab = await browser.newPage();
      await tab.setViewport({ width: 1280, height: 800 });
      const ours: string[] = [];
      const fromUs = (text: string) => text.includes('moz-extension://') || text.includes('[Backstory]');
      tab.on('pageerror', (error) => {
        const text = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
        if (fromUs(text)) ours.push(text);
      });
      tab.on('console', (message) => {
        const text = `${message.text()} ${message.location().url ?? ''}`;
        if (fromUs(text)) ours.push(text);
      });
      // Without the page's own scripts (/static), only we could change its text.
      await tab.evaluateOnNewDocument(() =>
        document.addEventListener('DOMContentLoaded', () => {
          (window as unknown as { textAtLoad: string }).textAtLoad = document.documentElement.textContent!;
        }),
      );

      let hovered = 0;
      for (const name of pages) {
        await test.step(name, async () => {
          await tab.goto(`${server.origin}/static/${name}`, { waitUntil: 'load' });
          const want = expected.get(name)!;
          await openToolbarPopup(browser, extensionId);
          await expect.poll(() => popupNames(browser), { message: `${name}: the popup's list` }).toEqual(want);
          await closeToolbarPopup(browser);

          const { point, laidOut } = want.size > 0 ? await scrollToAName(tab) : { point: null, laidOut: false };
          // Names only in parts the site hides (iab-1.html: a newsletter form's country, display: none) have nothing to hover.
          expect(point || !laidOut, `${name}: a highlighted name the reader can hover`).toBeTruthy();
          if (point) {
            hovered++;
            await tab.mouse.move(point.x, point.y);
            await expect.poll(() => tab.evaluate(cardPointsInPage), { message: `${name}: the card opens` }).toBeGreaterThan(100);
            await tab.mouse.move(1275, 5);
            await expect.poll(() => tab.evaluate(cardPointsInPage), { message: `${name}: the card closes` }).toBe(0);
          }
          expect(
            await tab.evaluate(() => document.documentElement.textContent === (window as unknown as { textAtLoad: string }).textAtLoad),
            `${name}: the page's text`,
          ).toBe(true);
          expect(ours, name).toEqual([]);
        });
      }
      expect(hovered, 'pages where a card opened').toBeGreaterThan(0);
    });
  });
});
