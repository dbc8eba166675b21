/**
 * The popup where it cannot simply list what a page names: a site the browser
 * keeps Backstory out of, a page still loading, a background that does not
 * answer, a frame that is gone, a setting that could not be saved.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import type { PageServer } from '../../tooling/page-server';
import type { browser } from 'wxt/browser';
import { expect, paintedMentions, test } from './fixtures';
import { badgeText, listedCounts, openPopupFor, tabIdIn } from './popup-page';

const NOBODY = 'None of this story’s names are on this page.';

/** The "On this page" section once it has stopped saying Loading…. */
async function foundText(popup: Page): Promise<string> {
  const section = popup.locator('section.found');
  await expect(section).not.toContainText('Loading…');
  return section.innerText();
}

const TICKER_A = '<!doctype html><html lang="en"><body><p>South Korea and Japan held exercises.</p></body></html>';

/**
 * A page naming Putin with a ticker frame naming South Korea and Japan (another item, without names, at /ticker-b); its
 * popup once it lists all three, and the badge counts them. `silent`: the ticker's script stops the `pagehide` of its
 * page before anything else hears of it, so its names stay listed once it is gone, until the popup looks again.
 */
async function openPageWithTicker({ context, extensionId, page, server, silent = false }: { context: BrowserContext; extensionId: string; page: Page; server: PageServer; silent?: boolean }) {
  const stopsPageHide = `<script>addEventListener('pagehide', (event) => event.stopImmediatePropagation(), true);</script>`;
  server.route('/ticker-a', silent ? TICKER_A.replace('<body>', `<body>${stopsPageHide}`) : TICKER_A);
  server.route('/ticker-b', '<!doctype html><html lang="en"><body><p>Weather: sunny all afternoon.</p></body></html>');
  server.route('/outer', '<!doctype html><html lang="en"><body><p>Vladimir Putin arrived.</p><iframe title="Ticker" src="/ticker-a"></iframe></body></html>');
  await page.goto(`${server.origin}/outer`);
  const opened = await openPopupFor(context, extensionId, page);
  await expect.poll(() => listedCounts(opened.popup)).toEqual({ 'vladimir-putin': 1, 'south-korea': 1, japan: 1 });
  await expect.poll(() => badgeText(opened.popup, opened.tabId)).toBe('3');
  return opened;
}

/**
 * The popup opened as a page, which stays open as the tab moves on (the toolbar's closes on the click that shows a
 * name); the ticker's frame removed from the page, and South Korea, which only it named, chosen in the popup.
 */
async function chooseNameOfRemovedFrame(fixtures: { context: BrowserContext; extensionId: string; page: Page; server: PageServer }): Promise<Page> {
  const { popup } = await openPageWithTicker({ ...fixtures, silent: true });
  await fixtures.page.evaluate(() => document.querySelector('iframe')!.remove());
  await popup.getByRole('button', { name: /^South Korea, / }).click();
  return popup;
}

/** Sets Backstory's site access on its Details page, as the reader does in chrome://extensions. */
async function setHostAccess(context: BrowserContext, extensionId: string, hostAccess: 'ON_CLICK' | 'ON_ALL_SITES'): Promise<void> {
  const settings = await context.newPage();
  await settings.goto(`chrome://extensions/?id=${extensionId}`);
  await settings.evaluate(
    ({ id, hostAccess }) =>
      (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> } } }).chrome.developerPrivate.updateExtensionConfiguration(
        { extensionId: id, hostAccess },
      ),
    { id: extensionId, hostAccess },
  );
  await settings.close();
}

test('with site access “On click” (Chrome’s per-extension setting), the popup says Backstory may not read the site and offers to allow it', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    await setHostAccess(context, extensionId, 'ON_CLICK');
    await page.goto(`${server.origin}/demo`);
    await page.waitForTimeout(1500);
    expect(await paintedMentions(page)).toBe(0); // the page was not read at all
    const { popup } = await openPopupFor(context, extensionId, page);
    const shown = await foundText(popup);
    expect(shown).toContain('Backstory cannot read 127.0.0.1');
    expect(shown).not.toContain(NOBODY);
    await expect(popup.getByRole('button', { name: 'Allow Backstory on this site' })).toBeVisible();
  });

test('a frame that moves on to a page without names, or that the page removes, no longer counts: on the badge as it goes, and in the popup’s list once it looks, where its page kept its going to itself', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    const { popup, tabId } = await openPageWithTicker({ context, extensionId, page, server, silent: true });
    // The ticker rotates to an item without names; its page told nothing as it went.
    await page.evaluate(() => (document.querySelector('iframe')!.src = '/ticker-b'));
    await page.waitForTimeout(1500);
    await popup.reload();
    await expect.poll(() => listedCounts(popup), { timeout: 3000 }).toEqual({ 'vladimir-putin': 1 });
    await expect.poll(() => badgeText(popup, tabId), { timeout: 3000 }).toBe('1');

    // Its pages as they are: each takes its names off the badge as it goes, the popup not asked again.
    server.route('/ticker-a', TICKER_A);
    const tickerTo = (src: string) => page.evaluate((src) => (document.querySelector('iframe')!.src = src), src);
    await tickerTo('/ticker-a');
    await expect.poll(() => badgeText(popup, tabId)).toBe('3');
    await tickerTo('/ticker-b');
    await expect.poll(() => badgeText(popup, tabId), { timeout: 5000 }).toBe('1');
    await tickerTo('/ticker-a');
    await expect.poll(() => badgeText(popup, tabId)).toBe('3');
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect.poll(() => badgeText(popup, tabId), { timeout: 5000 }).toBe('1');
  });

test('a name of a frame the page removed while the popup was open says so in the reader’s words when chosen, with Reload the page; the notice goes once the tab moves on to another page', async ({
  context,
  extensionId,
  page,
  server,
}) => {
    const popup = await chooseNameOfRemovedFrame({ context, extensionId, page, server });
    await expect(popup.locator('.notice')).toContainText('South Korea could not be shown: the part of the page that named it has changed or gone.');
    await expect(popup.locator('.notice')).not.toContainText(/No frame with id/);
    await expect(popup.getByRole('button', { name: 'Reload the page' })).toHaveCount(1);

    server.route('/next', '<!doctype html><html lang="en"><body><p>Russia and China met.</p></body></html>');
    await page.goto(`${server.origin}/next`);
    await expect.poll(() => listedCounts(popup)).toEqual({ russia: 1, china: 1 });
    await expect(popup.locator('.notice')).toHaveText('');
    await expect(popup.getByRole('button', { name: 'Reload the page' })).toHaveCount(0);
  });

test('the notice of a name that could not be shown goes when the reader reloads the page from it, and the focus stays in “On this page”', async ({
  context,
  extensionId,
  page,
  server,
}) => {
    const popup = await chooseNameOfRemovedFrame({ context, extensionId, page, server });
    await expect(popup.locator('.notice')).toContainText('South Korea could not be shown');
    // The same address, read anew: the notice was kept for as long as the tab's address stayed the same.
    await popup.getByRole('button', { name: 'Reload the page' }).focus();
    await popup.keyboard.press('Enter');
    await expect(popup.locator('.notice')).toHaveText('');
    await expect(popup.getByRole('button', { name: 'Reload the page' })).toHaveCount(0);
    await expect(popup.getByRole('heading', { name: 'On this page' })).toBeFocused();
    await expect.poll(async () => (await listedCounts(popup))['south-korea']).toBeGreaterThan(0);
  });

test.describe('a page still loading', () => {
    let slow: Server;
    let origin: string;
    test.beforeAll(async () => {
      // Sends the article's first paragraph, then never finishes the HTML (a slow news site, a stalled connection).
      slow = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.write(`<!doctype html><html lang="en"><body><p>Vladimir Putin arrived in Pyongyang.</p>${' '.repeat(4096)}`);
      });
      await new Promise<void>((done) => slow.listen(0, '127.0.0.1', done));
      origin = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    });
    test.afterAll(() => {
      slow.closeAllConnections();
      slow.close();
    });

    test('that shows its first paragraph naming Putin has the popup say it is reading it, not that nobody is mentioned', async ({
      context,
      extensionId,
      page,
    }) => {
      await page.goto(`${origin}/article`, { waitUntil: 'commit' });
      await expect(page.getByText('Vladimir Putin arrived in Pyongyang.')).toBeVisible();
      const { popup } = await openPopupFor(context, extensionId, page);
      await popup.waitForTimeout(1000);
      const shown = await foundText(popup);
      expect(shown).toContain('Reading this page as it loads');
      expect(shown).not.toContain(NOBODY);
    });

    test('before its first response has the popup say it is reading it, not that Backstory cannot run on it', async ({ context, extensionId, server }) => {
      let respond!: () => void;
      const responded = new Promise<void>((done) => (respond = done));
      await context.route(`${server.origin}/pending`, async (route) => {
        await responded;
        await route.fulfill({ contentType: 'text/html', body: '<!doctype html><p>Vladimir Putin arrived in Pyongyang.</p>' });
      });
      const tab = await context.newPage();
      void tab.goto(`${server.origin}/pending`).catch(() => undefined);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      // The tab still shows about:blank; its pendingUrl is the article, once the browser has begun the navigation.
      const pendingTab = () =>
        popup.evaluate(async (url) => (await (globalThis as unknown as { chrome: typeof browser }).chrome.tabs.query({})).find((t) => t.pendingUrl === url)?.id, `${server.origin}/pending`);
      await expect.poll(pendingTab).toBeDefined();
      const tabId = (await pendingTab())!;
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForTimeout(800);
      try {
        const shown = await foundText(popup);
        expect(shown).not.toContain('Backstory does not run on this page');
        expect(shown).toContain('Reading this page as it loads');
        await expect(popup.getByRole('switch', { name: 'Off on this site' })).toBeEnabled();
      } finally {
        respond();
      }
      // Once it has loaded, the list follows.
      await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 1, pyongyang: 1 });
    });
  });

test('the badge counts the names shown: with Countries hidden, a page naming only countries shows none, and again three when shown', async ({ context, extensionId, page, server }) => {
    server.route('/countries', '<!doctype html><html lang="en"><body><p>North Korea and Russia met; Japan watched.</p></body></html>');
    await page.goto(`${server.origin}/countries`);
    await expect.poll(() => paintedMentions(page)).toBe(3);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect.poll(() => badgeText(popup, tabId)).toBe('3');
    await popup.getByRole('switch', { name: 'Countries' }).click();
    await expect.poll(() => paintedMentions(page)).toBe(0);
    await expect.poll(() => badgeText(popup, tabId)).toBe('');
    await page.reload();
    await expect.poll(() => listedCounts(popup)).toEqual({ 'north-korea': 1, russia: 1, japan: 1 });
    expect(await badgeText(popup, tabId)).toBe('');
    await popup.getByRole('switch', { name: 'Countries' }).click();
    await expect.poll(() => badgeText(popup, tabId)).toBe('3');
  });

test('with every listed category hidden, the popup does not invite the reader to choose a name', async ({ context, extensionId, page, server }) => {
    server.route('/countries', '<!doctype html><html lang="en"><body><p>North Korea and Russia met; Japan watched.</p></body></html>');
    await page.goto(`${server.origin}/countries`);
    const { popup } = await openPopupFor(context, extensionId, page);
    await expect.poll(() => listedCounts(popup)).toEqual({ 'north-korea': 1, russia: 1, japan: 1 });
    await popup.getByRole('switch', { name: 'Countries' }).click();
    await expect(popup.getByRole('button', { name: /^North Korea, / })).toHaveCount(0);
    await expect(popup.getByText('Choose a name to scroll to its next mention and open its card.')).toBeHidden();
  });

/** Stores `count` sites switched off, as another of the reader's browsers would have synced them. */
/**
 * The demo article highlighted, and its popup once `count` other sites are switched off, as another of the
 * reader's browsers would have synced them; with the popup's "Off on this site" switch.
 */
async function demoWithSitesOff({ context, extensionId, page, server }: { context: BrowserContext; extensionId: string; page: Page; server: PageServer }, count: number) {
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  const { popup } = await openPopupFor(context, extensionId, page);
  await popup.evaluate(async (count) => {
    const sites = Object.fromEntries(Array.from({ length: count }, (_, i) => [`off:news-site-number-${String(i).padStart(3, '0')}.example.com`, true]));
    await (globalThis as unknown as { chrome: typeof browser }).chrome.storage.sync.set(sites);
  }, count);
  await popup.reload();
  return { popup, site: popup.getByRole('switch', { name: 'Off on this site' }) };
}

test('a reader who has switched Backstory off on 400 sites can switch it off on one more', async ({ context, extensionId, page, server }) => {
    // One list of sites filled storage.sync's 8,192 bytes an item at about 230.
    const { popup, site } = await demoWithSitesOff({ context, extensionId, page, server }, 400);
    await site.click();
    await expect(site).toHaveAttribute('aria-checked', 'true');
    await expect.poll(() => paintedMentions(page)).toBe(0);
    await expect(popup.getByRole('alert')).toHaveCount(0);
    await popup.reload();
    await expect(popup.getByRole('switch', { name: 'Off on this site' })).toHaveAttribute('aria-checked', 'true');
  });

test('a setting that could not be saved says so, instead of silently flicking back', async ({ context, extensionId, page, server }) => {
    // storage.sync holds at most 512 items: 512 sites fill it.
    const { popup, site } = await demoWithSitesOff({ context, extensionId, page, server }, 512);
    await expect(site).toHaveAttribute('aria-checked', 'false');
    await site.click();
    // The write fails (quota): the switch flicks back off and the page stays highlighted …
    await expect(site).toHaveAttribute('aria-checked', 'false');
    expect(await paintedMentions(page)).toBeGreaterThan(5);
    // … and the reader is told why.
    await expect(popup.getByRole('alert')).toContainText('This change could not be saved, so it was undone.');
  });

test('when the background cannot be reached, the popup explains in plain words and offers to try again', async ({ context, extensionId, page, server }) => {
    await page.goto(`${server.origin}/demo`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const tabId = await tabIdIn(popup, page.url());
    // As while the extension updates or reloads: every message to the background fails.
    await popup.addInitScript(() => {
      (globalThis as unknown as { chrome: { runtime: { sendMessage: () => Promise<never> } } }).chrome.runtime.sendMessage = () =>
        Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.getByRole('alert').first()).toBeVisible();
    await expect(popup.locator('main')).not.toContainText('Receiving end does not exist');
    await expect(popup.getByRole('button', { name: 'Try again' })).toHaveCount(2);
  });

test('a page open before the reader allowed Backstory on its site in Chrome’s own settings is read once allowed, without a reload', async ({
  context,
  extensionId,
  page,
  server,
}) => {
  await setHostAccess(context, extensionId, 'ON_CLICK');
  await page.goto(`${server.origin}/demo`);
  await page.waitForTimeout(1000);
  expect(await paintedMentions(page)).toBe(0);
  // Noted on the page: a reload would take it away.
  await page.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
  // Chrome's extensions menu, its Details page, or the popup's prompt (which closes a toolbar popup before it hears the
  // answer): the background reads the site's open tabs once the access is given.
  await setHostAccess(context, extensionId, 'ON_ALL_SITES');
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  const { popup } = await openPopupFor(context, extensionId, page);
  await expect.poll(async () => (await listedCounts(popup))['vladimir-putin']).toBe(7);
  expect(await foundText(popup)).not.toContain('Backstory has not read this page yet.');
  expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test('a page held by an open alert() does not leave the popup on “Loading…”: it says it could not look, with Try again, and nothing untrue about the page', async ({
  context,
  extensionId,
  page,
  server,
}) => {
  server.route('/held', '<!doctype html><html lang="en"><body><p>Weather: sunny all afternoon.</p><script>setTimeout(() => alert("Subscribe?"), 300)</script></body></html>');
  // Listened to and never answered: the dialog stays open, as until a reader closes it.
  const opened = new Promise<void>((shown) => page.on('dialog', () => shown()));
  await page.goto(`${server.origin}/held`);
  await opened;
  const { popup } = await openPopupFor(context, extensionId, page);
  const section = popup.locator('section.found');
  await expect(section).not.toContainText('Loading…', { timeout: 8000 });
  // Which of the two is the background's to say: whether it answers while one of the tab's frames does not.
  await expect(section.getByRole('alert')).toHaveText(/^Backstory could not (look into this page|tell what this page mentions) just now\./);
  await expect(section.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(await section.innerText()).not.toContain(NOBODY);
  expect(await section.innerText()).not.toContain('does not run on this page');
  expect(await section.innerText()).not.toContain('restarting after an update');
});

test('an RSS feed or an SVG file, left unread by design, is said to be no web page, never to name nobody', async ({ context, extensionId, page, server }) => {
  server.route(
    '/feed.xml',
    '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>Vladimir Putin arrives in Pyongyang</title></item></channel></rss>',
    'text/xml',
  );
  server.route('/map.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="0" y="20">North Korea</text></svg>', 'image/svg+xml');
  for (const path of ['/feed.xml', '/map.svg']) {
    await page.goto(`${server.origin}${path}`);
    const { popup } = await openPopupFor(context, extensionId, page);
    const shown = await foundText(popup);
    expect(shown, path).toContain('Backstory reads web pages, not feeds or images.');
    expect(shown, path).not.toContain(NOBODY);
    await popup.close();
  }
});
