import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { shadowUiText, shadowUiTexts } from './closed-shadow';
import { expect, HEADLINE, paintedMentions, pointOfText, test } from './fixtures';
import { annotatorIn, badgeText, buttonTitle, cardIn, categoryOf, listedCounts, openPopupFor, paintedCounts, showWholePage, storedTabs, storyScriptIn, tabIdIn } from './popup-page';
import { launchWithExtension, type LaunchedExtension } from '../../tooling/launch-extension';
import { textPointInPage } from '../../tooling/text-point';
import { ONE_LINE_PDF } from '../fixtures/one-line-pdf';
import { stopServiceWorker, watchServiceWorker } from '../../tooling/service-worker';

/** The demo article with every mention painted, once the page has reported what it found. */
async function openDemo(page: Page, origin: string) {
  await page.goto(`${origin}/demo`);
  await showWholePage(page);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(40);
  return paintedCounts(page);
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

test.describe('the popup', () => {
  test('shows the story, each key point with its citation', async ({ context, extensionId, page, server }) => {
    await openDemo(page, server.origin);
    const { popup } = await openPopupFor(context, extensionId, page);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
    const points = popup.locator('.key-points > li');
    await expect(points).toHaveCount(5);
    // A point that is its sentence word for word says so; the others open theirs.
    const verbatim = points.filter({ hasText: 'Source: paragraph' }).filter({ hasText: 'word for word' });
    await expect(verbatim).toHaveCount(2);
    for (const point of await points.all()) {
      if ((await point.textContent())!.includes('word for word')) {
        await expect(point.getByRole('button')).toHaveCount(0);
        await expect(point.locator('[title^="Source: paragraph"]')).toBeVisible();
      } else {
        await expect(point.getByRole('button', { name: /^Source: paragraph \d+ of the article$/ })).toBeVisible();
      }
    }
    const first = points.first().getByRole('button');
    await first.click();
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    await expect(points.first().locator('blockquote')).toContainText('Russian President Vladimir Putin expressed gratitude');
  });

  test('shows what the tab mentions first, under the headline: at the popup’s tallest, 600 px, the first names are in view without scrolling', async ({ context, extensionId, page, server }) => {
    await openDemo(page, server.origin);
    const { popup } = await openPopupFor(context, extensionId, page);
    await popup.setViewportSize({ width: 400, height: 600 });
    const headings = popup.getByRole('heading');
    await expect(headings.first()).toHaveText(HEADLINE);
    await expect.poll(() => headings.evaluateAll((all) => all.filter((h) => h.localName === 'h2').map((h) => h.textContent))).toEqual([
      'On this page',
      'Key points',
      'Highlight on pages',
    ]);
    const first = popup.locator('[data-entity-id]').first();
    await expect(first).toBeVisible();
    const box = (await first.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    expect(await popup.evaluate(() => scrollY)).toBe(0);
  });

  test('lists what the tab mentions, counted as the page paints it, and badges the tab', async ({
    context,
    extensionId,
    page,
    server,
    pageErrors,
  }) => {
    const painted = await openDemo(page, server.origin);
    // The article names North Korea over and over.
    expect(painted['north-korea']).toBeGreaterThanOrEqual(10);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);

    await expect.poll(() => listedCounts(popup)).toEqual(painted);
    await expect(popup.getByRole('button', { name: `North Korea, ${painted['north-korea']} mentions` })).toBeVisible();
    const distinct = Object.keys(painted).length;
    await expect(popup.getByText(`${distinct} names from this story`)).toBeVisible();
    for (const group of ['People', 'Countries', 'Organizations', 'Places']) {
      await expect(popup.getByRole('heading', { level: 3, name: group })).toBeVisible();
    }
    // Grouped by category, most mentioned first.
    const order = await popup.locator('[data-entity-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-entity-id')!));
    const categories = order.map((id) => ['person', 'country', 'organization', 'place'].indexOf(categoryOf(id)!));
    expect(categories).toEqual([...categories].sort((a, b) => a - b));
    expect(order.indexOf('north-korea')).toBe(order.findIndex((id) => categoryOf(id) === 'country'));

    await expect.poll(() => badgeText(popup, tabId)).toBe(String(distinct));
    expect(pageErrors).toEqual([]);
  });

  // eslint-disable-next-line no-empty-pattern
  test('on a local file, lists what it mentions; once the reader took file access away, says how to allow it, not that nobody is mentioned', async ({}, testInfo) => {
    const file = testInfo.outputPath('saved-article.html');
    writeFileSync(file, '<!doctype html><title>Saved</title><p>Vladimir Putin arrived in Pyongyang.</p>');
    const profile = testInfo.outputPath('profile');
    const visit = async (launched: LaunchedExtension) => {
      const page = await launched.context.newPage();
      await page.goto(pathToFileURL(file).href);
      const { popup } = await openPopupFor(launched.context, launched.extensionId, page);
      return { page, popup };
    };

    // An extension loaded from the command line may read files from the start.
    const first = await launchWithExtension({ profile });
    try {
      const { page, popup } = await visit(first);
      await expect.poll(() => paintedMentions(page)).toBe(2);
      await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 1, pyongyang: 1 });
      // The switch on the Extensions page, as a reader turns it off: it applies once the browser restarts.
      const extensions = await first.context.newPage();
      await extensions.goto(`chrome://extensions/?id=${first.extensionId}`);
      const toggle = extensions.locator('#allow-on-file-urls');
      await expect(toggle).toHaveAttribute('checked', '');
      await toggle.click();
      await expect(toggle).not.toHaveAttribute('checked');
    } finally {
      await first.close();
    }

    const restarted = await launchWithExtension({ profile });
    try {
      const { page, popup } = await visit(restarted);
      await expect(popup.getByText('Allow access to file URLs')).toBeVisible();
      await expect(popup.getByText('None of this story’s names')).toHaveCount(0);
      expect(await paintedMentions(page)).toBe(0);
      // One click to where it is allowed.
      const [details] = await Promise.all([
        restarted.context.waitForEvent('page'),
        popup.getByRole('button', { name: 'Open Backstory’s details' }).click(),
      ]);
      await expect(details).toHaveURL(`chrome://extensions/?id=${restarted.extensionId}`);
      await expect(details.locator('#allow-on-file-urls')).toBeVisible();
    } finally {
      await restarted.close();
    }
  });

  test('on a PDF the browser shows, says it reads web pages only, not that nobody is mentioned', async ({ context, extensionId, page, server }) => {
    server.route('/report.pdf', ONE_LINE_PDF, 'application/pdf');
    await page.goto(`${server.origin}/report.pdf`);
    const { popup } = await openPopupFor(context, extensionId, page);
    await expect(popup.getByText('not PDF documents')).toBeVisible();
    await expect(popup.getByText('None of this story’s names')).toHaveCount(0);
    // A web page in the same tab afterwards is a page like any other.
    await page.goto(`${server.origin}/fixtures/edges.html`);
    await popup.reload();
    await expect(popup.getByText('not PDF documents')).toHaveCount(0);
  });

  test('choosing a name only an embedded frame below the fold shows scrolls the page to it, and closes the card open in the page', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    const filler = '<p>Nothing to see in this paragraph, only filler text for length.</p>'.repeat(40);
    server.route(
      '/frame-below',
      `<!doctype html><html lang="en"><body><p>Vladimir Putin spoke.</p>${filler}
      <iframe title="Post" srcdoc="<p style='font-size:20px'>Kim Jong Un was seen today.</p>" style="height:100px"></iframe>${filler}</body></html>`,
    );
    await page.goto(`${server.origin}/frame-below`);
    const { popup } = await openPopupFor(context, extensionId, page);
    await popup.getByRole('button', { name: /^Vladimir Putin, / }).click();
    await expect.poll(() => shadowUiText(page)).toMatch(/^Vladimir Putin /);
    await popup.getByRole('button', { name: /^Kim Jong Un, / }).click();
    await expect.poll(() => shadowUiText(page)).toMatch(/^Kim Jong Un /);
    expect((await shadowUiTexts(page)).filter((text) => text !== '')).toHaveLength(1);
    // The name itself is in the page's viewport.
    const frame = (await page.locator('iframe').boundingBox())!;
    const inFrame = (await page.frames()[1]!.evaluate(textPointInPage, { text: 'Kim Jong Un', occurrence: 0, scroll: false }))!;
    expect(frame.y + inFrame.y).toBeGreaterThan(0);
    expect(frame.y + inFrame.y).toBeLessThan(page.viewportSize()!.height);
  });

  test('adds up what the page and its frames mention, and badges distinct names once', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    server.route(
      '/framed',
      `<!doctype html><title>Framed</title><p>Vladimir Putin arrived in Japan on Tuesday.</p>
      <iframe title="Ticker" srcdoc="<p>South Korea and Japan held exercises.</p>"></iframe>`,
    );
    await page.goto(`${server.origin}/framed`);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 1, japan: 2, 'south-korea': 1 });
    await expect.poll(() => badgeText(popup, tabId)).toBe('3');
    // The badge in words, for a screen reader.
    expect(await buttonTitle(popup, tabId)).toBe('Backstory: 3 names from this story highlighted on this page');

    // Reloaded, twice: the frames come anew, and what the page before found is not added again.
    for (let i = 0; i < 2; i++) {
      await page.reload();
      await expect.poll(() => badgeText(popup, tabId)).toBe('3');
      await page.waitForTimeout(500);
    }
    await popup.reload();
    await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 1, japan: 2, 'south-korea': 1 });
  });

  test('still knows what a tab found after the service worker was stopped, and forgets a closed tab without waking it', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    const painted = await openDemo(page, server.origin);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect.poll(() => listedCounts(popup)).toEqual(painted);
    // The page's own last message to the worker is the card script's request for its facts: not to be mistaken for a wake-up below.
    await expect.poll(() => cardIn(popup, tabId)).toBe(true);

    await stopServiceWorker(context, extensionId, popup);
    await popup.reload();
    await expect.poll(() => listedCounts(popup)).toEqual(painted);
    expect(await storedTabs(popup)).toContain(`tabFound:${tabId}`);

    await stopServiceWorker(context, extensionId, popup);
    const worker = await watchServiceWorker(popup, extensionId);
    // The popup, an extension page, hears the tab close as the worker would: the event that would have woken it was sent.
    await popup.evaluate((tabId) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { onRemoved: { addListener: (listener: (closed: number) => void) => void } } } };
      chrome.tabs.onRemoved.addListener((closed) => {
        if (closed === tabId) (globalThis as { closedTab?: boolean }).closedTab = true;
      });
    }, tabId);
    await page.close();
    await expect.poll(() => popup.evaluate(() => (globalThis as { closedTab?: boolean }).closedTab === true)).toBe(true);
    // A worker woken by it takes a moment to start.
    await popup.waitForTimeout(500);
    expect(worker.started()).toBe(false);
    await worker.stop();
    // The worker's next start (here, the popup asking about another tab) drops the closed tab's entry.
    const other = await context.newPage();
    await openPopupFor(context, extensionId, other);
    await expect.poll(() => storedTabs(popup)).not.toContain(`tabFound:${tabId}`);
  });

  test('opened after the service worker stopped, asks for the story before its first render, and once', async ({ context, extensionId, page, server }) => {
    const painted = await openDemo(page, server.origin);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const tabId = await tabIdIn(popup, page.url());
    // Each request the popup sends, and whether it had rendered anything by then.
    await popup.addInitScript(() => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (message: { type: string }) => Promise<unknown> } } }).chrome.runtime;
      const send = runtime.sendMessage.bind(runtime);
      const sent: { type: string; rendered: boolean }[] = [];
      Object.assign(globalThis, { sent });
      runtime.sendMessage = (message) => {
        sent.push({ type: message.type, rendered: (document.getElementById('root')?.childElementCount ?? 0) > 0 });
        return send(message);
      };
    });
    await stopServiceWorker(context, extensionId, popup);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
    await expect.poll(() => listedCounts(popup)).toEqual(painted);
    // The worker starts while the popup's own code is still being evaluated, not once it has rendered.
    const sent = await popup.evaluate(() => (globalThis as unknown as { sent: { type: string; rendered: boolean }[] }).sent);
    expect(sent.filter((request) => request.type === 'story/get')).toEqual([{ type: 'story/get', rendered: false }]);
    expect(sent.filter((request) => request.type === 'tab/get').length).toBeGreaterThan(0);
  });

  test('back to a page the browser kept in its back-forward cache: the badge and the list are that page’s again', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    server.route('/first', '<!doctype html><html lang="en"><body><p>Kim Jong Un met Vladimir Putin in Pyongyang.</p></body></html>');
    server.route('/second', '<!doctype html><html lang="en"><body><p>Japan answered.</p></body></html>');
    await page.goto(`${server.origin}/first`);
    await expect.poll(() => paintedMentions(page)).toBe(3);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect.poll(() => badgeText(popup, tabId)).toBe('3');
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    await page.goto(`${server.origin}/second`);
    await expect.poll(() => badgeText(popup, tabId)).toBe('1');
    // Restored from the cache, the page fires no load event.
    await page.goBack({ waitUntil: 'commit' });
    // Restored, not loaded again: the page's own state survived.
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    await expect.poll(() => badgeText(popup, tabId)).toBe('3');
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => listedCounts(popup)).toEqual({ 'kim-jong-un': 1, 'vladimir-putin': 1, pyongyang: 1 });
  });

  test('shows no badge on a page that names nobody from the story', async ({ context, extensionId, page, server }) => {
    server.route('/plain', '<!doctype html><title>Weather</title><p>Sunny with a light breeze all afternoon.</p>');
    await page.goto(`${server.origin}/plain`);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect(popup.getByText('None of this story’s names are on this page.')).toBeVisible();
    expect(await badgeText(popup, tabId)).toBe('');
  });

  test('lists nobody on a page without names that the tab opened after a story page', async ({ context, extensionId, page, server }) => {
    await openDemo(page, server.origin);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect.poll(() => listedCounts(popup)).not.toEqual({});
    // The page without names sends nothing (the script on every page stops it): nothing replaces the demo's report.
    server.route('/plain-next', '<!doctype html><title>Weather</title><p>Sunny with a light breeze all afternoon.</p>');
    await page.goto(`${server.origin}/plain-next`);
    await popup.reload();
    await expect(popup.getByText('None of this story’s names are on this page.')).toBeVisible();
    expect(await listedCounts(popup)).toEqual({});
    expect(await badgeText(popup, tabId)).toBe('');
    // Restored from the cache, the page fires no load event.
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => listedCounts(popup)).not.toEqual({});
  });

  test('lists nobody once the same address loads again without the story’s names (a live page moved on)', async ({ context, extensionId, page, server }) => {
    server.route('/story-of-the-hour', '<!doctype html><title>Live</title><p>Kim Jong Un met Vladimir Putin in Pyongyang.</p>');
    await page.goto(`${server.origin}/story-of-the-hour`);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect.poll(() => listedCounts(popup)).toEqual({ 'kim-jong-un': 1, 'vladimir-putin': 1, pyongyang: 1 });
    server.route('/story-of-the-hour', '<!doctype html><title>Live</title><p>The weather turned, and the markets closed higher.</p>');
    await page.reload();
    await popup.reload();
    await expect(popup.getByText('None of this story’s names are on this page.')).toBeVisible();
    expect(await listedCounts(popup)).toEqual({});
    expect(await badgeText(popup, tabId)).toBe('');
  });

  test('leaves out the site’s menus that no <nav> marks: the edition switcher and sections in its header, the links of its footer; a headline in its header counts', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    // As CNN marks its edition switcher (two links in a <span>) and the New York Times its sections (a plain list).
    server.route(
      '/site-menus',
      `<!doctype html><html lang="en"><title>Summit</title><body>
        <header><a href="/">Home</a> <span class="editionizer"><a>International <span>+</span></a> <a>U.S.</a></span>
          <ul><li><a href="/world">World</a></li><li><a href="/us">U.S.</a></li><li><a href="/asia">China</a></li><li><a href="/nk">North Korea</a></li></ul>
          <h6><a href="/asia">Asia</a>|<a href="/summit">Putin Arrives in Pyongyang</a></h6></header>
        <main><article><p>Kim Jong Un met Vladimir Putin in Pyongyang as the U.S. watched.</p></article></main>
        <footer><ul><li><a href="/ru">Russia</a></li><li><a href="/cn">China</a></li></ul></footer>
      </body></html>`,
    );
    await page.goto(`${server.origin}/site-menus`);
    const { popup } = await openPopupFor(context, extensionId, page);
    // The sections' "North Korea", two words of the site, is no mention: the article does not name it.
    const article = { 'kim-jong-un': 1, 'vladimir-putin': 2, 'united-states': 1, pyongyang: 2 };
    await expect.poll(() => listedCounts(popup)).toEqual(article);
    expect(await paintedCounts(page)).toEqual(article);
  });

  test('updates while open, as the page changes', async ({ context, extensionId, page, server }) => {
    server.route('/live', '<!doctype html><title>Live</title><main><p>Waiting for the first update.</p></main>');
    await page.goto(`${server.origin}/live`);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect(popup.getByText('None of this story’s names are on this page.')).toBeVisible();

    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Vladimir Putin landed in Pyongyang, where Vladimir Putin was greeted.';
      document.querySelector('main')!.append(p);
    });
    await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 2, pyongyang: 1 });
    await expect.poll(() => badgeText(popup, tabId)).toBe('2');
  });

  test('choosing a name reveals it on the page and opens its card', async ({ context, extensionId, page, server }) => {
    await page.goto(`${server.origin}/demo`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
    const { popup } = await openPopupFor(context, extensionId, page);
    await popup.getByRole('button', { name: /^North Korea, \d+ mentions$/ }).click();
    await expect.poll(() => shadowUiText(page)).toContain('North Korea');
    const card = (await shadowUiText(page))!;
    expect(card).toMatch(/Sanctioned/);
    expect(card).toMatch(/nuclear weapons and missile programs/);
    // Opened as a page, the popup stays; only the toolbar popup closes itself.
    expect(popup.isClosed()).toBe(false);
    await expect(popup.locator('.notice')).toBeEmpty();
  });

  test('choosing a name only a frame of the page shows reveals it in that frame', async ({ context, extensionId, page, server }) => {
    await page.goto(`${server.origin}/fixtures/framed.html`);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await expect.poll(() => frame.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBe(2);
    const { popup } = await openPopupFor(context, extensionId, page);
    await popup.getByRole('button', { name: /^South Korea, 1 mention$/ }).click();
    await expect.poll(() => shadowUiText(page)).toContain('South Korea');
    await expect(popup.locator('.notice')).toBeEmpty();
  });

  test('says a browser page is out of reach, and offers no "Off on this site" there', async ({ extensionId, page }) => {
    // Opened without ?tab=, the popup is about the active tab: this extension page itself.
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(page.getByText('Backstory does not run on this page.', { exact: false })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Off on this site' })).toBeDisabled();
    await expect(page.getByText('Not available on this page')).toBeVisible();
  });
});

test.describe('the switches apply at once in open tabs', () => {
  const CATEGORIES = [
    ['People', 'person'],
    ['Countries', 'country'],
    ['Organizations', 'organization'],
    ['Places', 'place'],
  ] as const;

  for (const [label, category] of CATEGORIES) {
    test(`${label}`, async ({ context, extensionId, page, server }) => {
      const painted = await openDemo(page, server.origin);
      const total = sum(painted);
      const ofCategory = sum(Object.fromEntries(Object.entries(painted).filter(([id]) => categoryOf(id) === category)));
      expect(ofCategory).toBeGreaterThan(0);
      const { popup } = await openPopupFor(context, extensionId, page);
      const toggle = popup.getByRole('switch', { name: label });
      await expect(toggle).toHaveAttribute('aria-checked', 'true');

      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-checked', 'false');
      await expect.poll(() => paintedMentions(page)).toBe(total - ofCategory);
      const left = await paintedCounts(page);
      expect(Object.keys(left).filter((id) => categoryOf(id) === category)).toEqual([]);

      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-checked', 'true');
      await expect.poll(() => paintedMentions(page)).toBe(total);
    });
  }

  test('Countries off: hovering North Korea opens no card, and the popup offers no jump to it', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    await openDemo(page, server.origin);
    const { popup } = await openPopupFor(context, extensionId, page);
    await expect(popup.getByRole('button', { name: /^North Korea, / })).toBeVisible();
    await popup.getByRole('switch', { name: 'Countries' }).click();
    await expect(popup.getByRole('button', { name: /^North Korea, / })).toHaveCount(0);

    await page.bringToFront();
    const point = await pointOfText(page, 'North Korea');
    await page.mouse.move(point.x, point.y);
    // Give a card every chance to open before concluding none does.
    await page.waitForTimeout(800);
    expect((await shadowUiText(page)) ?? '').not.toContain('North Korea');
    // Another name on the same page still has its card.
    const putin = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(putin.x, putin.y);
    await expect.poll(() => shadowUiText(page)).toContain('Vladimir Putin');
  });

  test('two switches flipped at once stay as flipped: neither flicks back while the other is written', async ({ context, extensionId, page, server }) => {
    await openDemo(page, server.origin);
    const { popup } = await openPopupFor(context, extensionId, page);
    await expect(popup.getByRole('switch', { name: 'Countries' })).toHaveAttribute('aria-checked', 'true');
    const seen = await popup.evaluate(async () => {
      const switches = ['Countries', 'Organizations'].map(
        (name) => [...document.querySelectorAll<HTMLElement>('[role="switch"]')].find((el) => el.querySelector('.switch-label')?.textContent === name)!,
      );
      const states: string[] = [];
      const record = () => states.push(switches.map((el) => el.getAttribute('aria-checked')).join(','));
      new MutationObserver(record).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['aria-checked'] });
      for (const el of switches) el.click();
      await new Promise((done) => setTimeout(done, 1500));
      return states;
    });
    // Once both show off, nothing shows either on again.
    expect(seen).toContain('false,false');
    expect(seen.slice(seen.indexOf('false,false'))).toEqual(seen.slice(seen.indexOf('false,false')).map(() => 'false,false'));
    await expect(popup.getByRole('switch', { name: 'Countries' })).toHaveAttribute('aria-checked', 'false');
  });

  test('the global switch turns every tab off and back on, the badges of the tabs with it', async ({ context, extensionId, page, server }) => {
    const painted = await openDemo(page, server.origin);
    const total = sum(painted);
    const distinct = String(Object.keys(painted).length);
    const other = await context.newPage();
    await openDemo(other, server.origin);
    const { tabId: otherTab } = await openPopupFor(context, extensionId, other);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    const toggle = popup.getByRole('switch', { name: 'Backstory on pages' });
    await expect.poll(() => badgeText(popup, tabId)).toBe(distinct);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect.poll(() => paintedMentions(page)).toBe(0);
    await expect.poll(() => paintedMentions(other)).toBe(0);
    await expect(popup.getByText('Backstory is switched off.', { exact: false })).toBeVisible();
    await expect.poll(() => badgeText(popup, tabId)).toBe('');
    await expect.poll(() => badgeText(popup, otherTab)).toBe('');
    // The switches it governs change nothing while it is off, and show it.
    const governed = ['People', 'Countries', 'Organizations', 'Places', 'Off on this site'].map((name) => popup.getByRole('switch', { name }));
    for (const control of governed) await expect(control).toBeDisabled();
    // Still in the Tab order, with the hint of why they cannot be used, and pressing one changes nothing.
    await governed[1]!.focus();
    await expect(governed[1]!).toBeFocused();
    await popup.keyboard.press('Space');
    await expect(governed[1]!).toHaveAttribute('aria-checked', 'true');
    await popup.keyboard.press('Tab');
    await expect(governed[2]!).toBeFocused();

    await toggle.click();
    for (const control of governed) await expect(control).toBeEnabled();
    await expect.poll(() => paintedMentions(page)).toBe(total);
    await expect.poll(() => paintedMentions(other)).toBe(total);
    await expect.poll(() => badgeText(popup, tabId)).toBe(distinct);
    await expect.poll(() => badgeText(popup, otherTab)).toBe(distinct);
  });

  test('pages opened while Backstory is off get no annotator, on the site switched off or everywhere; switching on reaches them', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    server.route('/before', '<!doctype html><title>Before</title><p>Nothing yet.</p>');
    await page.goto(`${server.origin}/before`);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    const site = popup.getByRole('switch', { name: 'Off on this site' });
    const everywhere = popup.getByRole('switch', { name: 'Backstory on pages' });

    await site.click();
    await expect(site).toHaveAttribute('aria-checked', 'true');
    await page.goto(`${server.origin}/demo`);
    // The script on every page ran, and the page holds names: from here the annotator would be on its way, by itself or
    // brought by the background, within the second waited.
    await expect.poll(() => storyScriptIn(popup, tabId)).toBe(true);
    await page.waitForTimeout(1000);
    expect(await annotatorIn(popup, tabId)).toBe(false);
    expect(await paintedMentions(page)).toBe(0);
    // The page was not read: the popup does not claim it names nobody.
    await popup.reload();
    await expect(popup.getByText('Backstory is off on 127.0.0.1: its pages are not read.')).toBeVisible();
    await expect(popup.getByText('Nobody from this story is mentioned', { exact: false })).toHaveCount(0);
    await site.click();
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    expect(await annotatorIn(popup, tabId)).toBe(true);

    await everywhere.click();
    await expect(everywhere).toHaveAttribute('aria-checked', 'false');
    await page.reload();
    await expect.poll(() => storyScriptIn(popup, tabId)).toBe(true);
    await page.waitForTimeout(1000);
    expect(await annotatorIn(popup, tabId)).toBe(false);
    expect(await paintedMentions(page)).toBe(0);
    await everywhere.click();
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
  });

  test('"Off on this site" reaches the frames of the page too, and back on', async ({ context, extensionId, page, server }) => {
    await page.goto(`${server.origin}/fixtures/framed.html`);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    const framePainted = () => frame.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);
    await expect.poll(framePainted).toBe(2);
    const { popup } = await openPopupFor(context, extensionId, page);
    const toggle = popup.getByRole('switch', { name: 'Off on this site' });
    await toggle.click();
    await expect.poll(() => paintedMentions(page)).toBe(0);
    await expect.poll(framePainted).toBe(0);
    await toggle.click();
    await expect.poll(framePainted).toBe(2);
  });

  test('"Off on this site" turns the site off, and back on, its badge with it', async ({ context, extensionId, page, server }) => {
    const painted = await openDemo(page, server.origin);
    const total = sum(painted);
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    const toggle = popup.getByRole('switch', { name: 'Off on this site' });
    await expect(popup.getByText('127.0.0.1', { exact: true })).toBeVisible();

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect.poll(() => paintedMentions(page)).toBe(0);
    await expect(popup.getByText('Backstory is off on 127.0.0.1: its pages are not read.')).toBeVisible();
    await expect.poll(() => badgeText(popup, tabId)).toBe('');
    // A page that keeps changing while switched off does not bring the badge back.
    await page.evaluate(() => document.querySelector('article p')!.append(' John Kirby agreed.'));
    await page.waitForTimeout(800);
    expect(await badgeText(popup, tabId)).toBe('');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect.poll(() => paintedMentions(page)).toBe(total + 1);
    await expect.poll(() => badgeText(popup, tabId)).toBe(String(Object.keys(painted).length));
  });
});
