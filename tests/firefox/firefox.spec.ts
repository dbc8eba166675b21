import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { paintedTextsInPage } from '../../tooling/painted-texts';
import { rootStylesInPage } from '../../tooling/root-styles';
import { textPointInPage } from '../../tooling/text-point';
import { pageWithSmallTicker } from '../../tooling/ticker-page';
import { liveScorePage } from '../../tooling/web-component-page';
import { expect, FIREFOX_BUILD, needFirefox, test, withWindowAccess } from './fixtures';
import { findFirefox } from '../../tooling/find-browser';
import { clickToolbarPopupSwitch, launchFirefoxWithPopupAccess, openToolbarPopup, toolbarButton, toolbarPopupText } from './toolbar-popup';
import { cardPointsInPage } from '../../tooling/card-points';
import { DARK_CARD, pixelsOfColourInPage } from './pixels';

const painted = (tab: Page) => tab.evaluate(paintedTextsInPage);
/** Two frames of the page: the pointer's moves are read once a frame, so a move made and undone within one is never seen. */
const framesPassed = (tab: Page) => tab.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

test('in Firefox, the demo article is highlighted and hovering a name opens its card', async ({ tab, server, tabErrors }) => {
  await tab.goto(`${server.origin}/demo`);
  await expect.poll(() => painted(tab)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong Un', 'John Kirby', 'North Korea']));
  expect(await tab.evaluate(cardPointsInPage)).toBe(0);

  const point = await tab.evaluate(textPointInPage, { text: 'John Kirby', occurrence: 0 });
  await tab.mouse.move(point!.x, point!.y);
  // A card of some 300 × 150 px or more, over the page.
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  expect(await tab.evaluate(() => document.querySelector('backstory-card')?.shadowRoot ?? null)).toBeNull();

  await tab.mouse.move(5, 790);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBe(0);
  expect(tabErrors).toEqual([]);
});

test('in Firefox, a page reads nothing of Backstory’s on its root, without the story’s names, with them, or with a card open; the card shows and goes as before', async ({
  tab,
  server,
}) => {
  server.route(
    '/firefox-weather',
    `<!doctype html><html lang="en"><head><style>:root { --page-own: 1 }</style></head>
    <body><main><h1>Weather</h1><p>Rain in the morning, sun by noon.</p></main></body></html>`,
  );
  await tab.goto(`${server.origin}/firefox-weather`);
  // The page's own custom property is read: the probe sees custom properties at all.
  expect(await tab.evaluate(rootStylesInPage)).toEqual({ customProperties: { '--page-own': '1' }, rulesNamingUs: [] });
  // Backstory was there all along: a name the page adds is painted, and the card script comes.
  await tab.evaluate(() => {
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Officials in North Korea said nothing.' }));
  });
  await expect.poll(() => painted(tab)).toEqual(['North Korea']);
  await tab.waitForFunction(() => document.querySelector('backstory-card') !== null);
  expect(await tab.evaluate(rootStylesInPage)).toEqual({ customProperties: { '--page-own': '1' }, rulesNamingUs: [] });

  await tab.goto(`${server.origin}/demo`);
  await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(5);
  await tab.waitForFunction(() => document.querySelector('backstory-card') !== null);
  expect(await tab.evaluate(rootStylesInPage)).toEqual({ customProperties: {}, rulesNamingUs: [] });
  // A page that sets the custom property the card once read, as one that would hide it might: the card shows all the same.
  await tab.addStyleTag({ content: ':root { --backstory-card-visibility: hidden !important; }' });
  const point = await tab.evaluate(textPointInPage, { text: 'John Kirby', occurrence: 0 });
  await tab.mouse.move(point!.x, point!.y);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  // What shows it reaches only the card, inside its closed shadow root: nothing of it on the root.
  expect((await tab.evaluate(rootStylesInPage)).customProperties).toEqual({ '--backstory-card-visibility': 'hidden' });
  await tab.mouse.move(5, 790);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBe(0);
});

test('in Firefox, a name in a modal dialog inside a web component’s shadow root opens its card above the dialog', async ({ tab, server }) => {
  server.route('/firefox-shadow-dialog', liveScorePage('<dialog><p>In Pyongyang, Vladimir Putin met Kim Jong Un.</p></dialog>'));
  await tab.goto(`${server.origin}/firefox-shadow-dialog`);
  await tab.evaluate(() => document.querySelector('live-score')!.shadowRoot!.querySelector('dialog')!.showModal());
  await expect.poll(() => painted(tab)).toContain('Vladimir Putin');
  const point = await tab.evaluate(() => {
    const text = document.querySelector('live-score')!.shadowRoot!.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf('Vladimir Putin'));
    range.setEnd(text, text.data.indexOf('Vladimir Putin') + 'Vladimir Putin'.length);
    const box = range.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  await tab.mouse.move(point.x, point.y);
  // The card's host goes into the dialog, in the component's shadow root: shown there too, hit by the pointer over the dialog.
  await expect
    .poll(() =>
      tab.evaluate(() => {
        let points = 0;
        for (let y = 10; y < innerHeight; y += 20) {
          for (let x = 10; x < innerWidth; x += 20) if (document.querySelector('live-score')!.shadowRoot!.elementFromPoint(x, y)?.localName === 'backstory-card') points++;
        }
        return points;
      }),
    )
    .toBeGreaterThan(100);
  expect(await tab.evaluate(() => document.querySelector('live-score')!.shadowRoot!.querySelector('dialog > [data-backstory-card]') !== null)).toBe(true);
});

test('in Firefox, a name in a live ticker too small for a card opens its card over the page, whole, and it goes as the pointer leaves for the page', async ({
  tab,
  server,
  tabErrors,
}) => {
  server.route('/small-ticker', pageWithSmallTicker());
  await tab.goto(`${server.origin}/small-ticker`);
  const ticker = tab.frames().find((frame) => frame !== tab.mainFrame())!;
  await expect.poll(() => ticker.evaluate(paintedTextsInPage)).toEqual(['Kim Jong Un']);
  const frame = await tab.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().toJSON() as DOMRect);
  const kim = (await ticker.evaluate(textPointInPage, { text: 'Kim Jong Un', occurrence: 0, scroll: false }))!;
  // The frame's content box starts inside its border and padding (1 + 2 px).
  await tab.mouse.move(frame.x + 3 + kim.x, frame.y + 3 + kim.y);
  // Some 300 × 150 px or more of card, over the page: more than the whole frame holds.
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  expect(await ticker.evaluate(cardPointsInPage)).toBe(0);

  await tab.mouse.move(5, 790);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBe(0);
  expect(tabErrors).toEqual([]);
});

test('in Firefox, a page that stops the pointer’s events at the window before anything else hears of them still opens and closes cards', async ({
  tab,
  server,
}) => {
  server.route(
    '/firefox-pointer-stopped',
    `<!doctype html><html lang="en"><head><script>for (const type of ['pointermove', 'pointerdown', 'pointerup', 'pointerout', 'pointerover'])` +
      ` addEventListener(type, (event) => event.stopImmediatePropagation(), true);</script></head>` +
      `<body><p style="margin:40px">Kim Jong Un met officials.</p></body></html>`,
  );
  await tab.goto(`${server.origin}/firefox-pointer-stopped`);
  await expect.poll(() => painted(tab)).toEqual(['Kim Jong Un']);
  const point = (await tab.evaluate(textPointInPage, { text: 'Kim Jong Un', occurrence: 0 }))!;
  await tab.mouse.move(point.x, point.y, { steps: 2 });
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  // A press closes it.
  await tab.mouse.down();
  await expect.poll(() => tab.evaluate(cardPointsInPage), { timeout: 1000 }).toBe(0);
  await tab.mouse.up();
  // Put away by the press, it opens again once the pointer has left the name and come back.
  await tab.mouse.move(point.x, point.y + 60);
  await framesPassed(tab);
  await tab.mouse.move(point.x + 2, point.y);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  await tab.mouse.move(5, 790, { steps: 2 });
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBe(0);
});

test('in Firefox, a card closes on Escape on a page that stops the key’s press at the window before anything else hears of it', async ({ tab, server }) => {
  server.route(
    '/firefox-escape-stopped',
    `<!doctype html><html lang="en"><head><script>addEventListener('keydown', (event) => event.key === 'Escape' && event.stopImmediatePropagation(), true);</script></head>` +
      `<body><p style="margin:40px">Kim Jong Un met officials.</p></body></html>`,
  );
  await tab.goto(`${server.origin}/firefox-escape-stopped`);
  await expect.poll(() => painted(tab)).toEqual(['Kim Jong Un']);
  const point = (await tab.evaluate(textPointInPage, { text: 'Kim Jong Un', occurrence: 0 }))!;
  await tab.mouse.move(point.x, point.y, { steps: 2 });
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  await tab.keyboard.press('Escape');
  await expect.poll(() => tab.evaluate(cardPointsInPage), { timeout: 2000 }).toBe(0);
});

test('in Firefox, a hovered card closes as the mouse button is pressed on its name, and none opens while the button is held', async ({ tab, server }) => {
  await tab.goto(`${server.origin}/demo`);
  await expect.poll(() => painted(tab)).toContain('John Kirby');
  const point = await tab.evaluate(textPointInPage, { text: 'John Kirby', occurrence: 0 });
  await tab.mouse.move(point!.x, point!.y);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  await tab.mouse.down();
  await expect.poll(() => tab.evaluate(cardPointsInPage), { timeout: 1000 }).toBe(0);
  // Dragged on along the name, the button still down, past the hover delay.
  await tab.mouse.move(point!.x + 6, point!.y, { steps: 3 });
  await new Promise((done) => setTimeout(done, 600));
  expect(await tab.evaluate(cardPointsInPage)).toBe(0);
  await tab.mouse.up();
  // Put away by the press, it opens again once the pointer has left the name and come back.
  await tab.mouse.move(point!.x + 7, point!.y + 60);
  await framesPassed(tab);
  await tab.mouse.move(point!.x + 7, point!.y);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
});

test('in Firefox, a tap of a finger on a name opens its card until a tap elsewhere; a tap on a name in a link is the page’s', async ({ tab, server, tabErrors }) => {
  server.route(
    '/firefox-taps',
    `<!doctype html><html lang="en"><body style="margin:0;font:20px/30px sans-serif">` +
      `<p style="margin:20px">Talks went on in Pyongyang all night.</p>` +
      `<p style="margin:20px;text-align:right"><a href="#linked">Kim Jong Un</a> spoke.</p>` +
      `<div style="height:1500px"></div></body></html>`,
  );
  await tab.goto(`${server.origin}/firefox-taps`);
  await expect.poll(() => painted(tab)).toEqual(['Pyongyang', 'Kim Jong Un']);
  // The card's script comes in idle time after the names are painted, and its host with it: the taps below are the card
  // script's own, not one the page side kept for it (tests/e2e/tap-before-card.spec.ts).
  await expect.poll(() => tab.evaluate(() => document.querySelector('[data-backstory-card]') !== null)).toBe(true);
  const pyongyang = (await tab.evaluate(textPointInPage, { text: 'Pyongyang', occurrence: 0, scroll: false }))!;
  // WebDriver BiDi's touch pointer: Firefox sends the page pointer events of type "touch", with no pointer resting anywhere.
  await tab.touchscreen.tap(pyongyang.x, pyongyang.y);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  // No hover keeps it open, and none needs to: it stays, and its own name tapped again keeps it.
  await new Promise((done) => setTimeout(done, 800));
  expect(await tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  await tab.touchscreen.tap(pyongyang.x, pyongyang.y);
  await new Promise((done) => setTimeout(done, 500));
  expect(await tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  await tab.touchscreen.tap(600, 600);
  await expect.poll(() => tab.evaluate(cardPointsInPage)).toBe(0);

  const linked = (await tab.evaluate(textPointInPage, { text: 'Kim Jong Un', occurrence: 0, scroll: false }))!;
  await tab.touchscreen.tap(linked.x, linked.y);
  await expect.poll(() => tab.evaluate(() => location.hash)).toBe('#linked');
  await new Promise((done) => setTimeout(done, 500));
  expect(await tab.evaluate(cardPointsInPage)).toBe(0);
  expect(tabErrors).toEqual([]);
});

test('in Firefox, the toolbar popup lists the names the tab mentions, and its switches apply to the page', async ({ firefox, server }) => {
  needFirefox(firefox);
  const { browser, extensionId } = await launchFirefoxWithPopupAccess(findFirefox()!, FIREFOX_BUILD);
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/demo`);
    await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(20);
    const before = (await painted(tab)).length;
    // On the toolbar, with its own icon, where the reader sees its badge: not in the Extensions menu.
    expect(await toolbarButton(browser, extensionId)).toMatchObject({ area: 'nav-bar', width: expect.any(Number), image: expect.stringMatching(/icon\/16\.png/) });
    expect((await toolbarButton(browser, extensionId)).width).toBeGreaterThan(0);
    await openToolbarPopup(browser, extensionId);
    await expect.poll(() => toolbarPopupText(browser)).toContain('20 names from this story');
    const text = (await toolbarPopupText(browser))!;
    expect(text).toContain('Putin Praises North Korea’s Support');
    expect(text).toContain('John Kirby of the U.S. National Security Council expressed concern');
    expect(text).toMatch(/North Korea\s*13/);

    await clickToolbarPopupSwitch(browser, 'People');
    await expect.poll(async () => (await painted(tab)).length).toBeLessThan(before);
    expect(await painted(tab)).not.toContain('Vladimir Putin');
    await clickToolbarPopupSwitch(browser, 'People');
    await expect.poll(async () => (await painted(tab)).length).toBe(before);

    // Each site switched off is a key of its own in Firefox's storage.sync too.
    await clickToolbarPopupSwitch(browser, 'Off on this site');
    await expect.poll(async () => (await painted(tab)).length).toBe(0);
    await clickToolbarPopupSwitch(browser, 'Off on this site');
    await expect.poll(async () => (await painted(tab)).length).toBe(before);
  } finally {
    await browser.close();
  }
});

test('in Firefox, the page’s text is exactly what the server sent', async ({ tab, server }) => {
  await tab.goto(`${server.origin}/demo`);
  await expect.poll(async () => (await painted(tab)).length).toBeGreaterThan(5);
  const [now, sent] = await tab.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return [document.body.textContent, new DOMParser().parseFromString(html, 'text/html').body.textContent];
  });
  expect(now).toBe(sent);
});

test('in Firefox, names that come later are highlighted: in the page, and in a web component’s shadow root', async ({ tab, server }) => {
  server.route(
    '/firefox-late',
    liveScorePage('<p>Loading</p>'),
  );
  await tab.goto(`${server.origin}/firefox-late`);
  await new Promise((done) => setTimeout(done, 700));
  expect(await painted(tab)).toEqual([]);
  await tab.evaluate(() => {
    document.querySelector('live-score')!.shadowRoot!.querySelector('p')!.textContent = 'Kim Jong Un waved.';
  });
  await expect.poll(() => painted(tab)).toEqual(['Kim Jong Un']);
  await tab.evaluate(() => {
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Vladimir Putin replied.' }));
  });
  await expect.poll(() => painted(tab)).toEqual(['Kim Jong Un', 'Vladimir Putin']);
});

test('the Firefox build offers pages only its annotator, which a top frame imports itself; the card is injected as a file', () => {
  // Firefox compiles injected files off the main thread and caches them (extension/inject-once.ts): the card gains nothing by an import.
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['content-scripts/annotator.js'], matches: ['<all_urls>'] }]);
});

for (const [what, style] of [
  ['that fades every element', '* { opacity: .5 }'],
  // Firefox draws a filter on the root element over its whole top layer too, where the card is (Chromium does not).
  ['that inverts its colours on its root element', 'html { filter: invert(1) }'],
] as const) {
  const run = style.includes('filter') ? test.fixme : test;
  run(`in Firefox, on a page ${what}, the card is drawn in its own colours`, async ({ server }) => {
    server.route(
      '/firefox-styled',
      `<!doctype html><html lang="en"><head><style>html { background: #203040; color: #fff } ${style}</style></head>
      <body><p>In Pyongyang, Vladimir Putin met Kim Jong Un.</p>${'<p>Filler text for length.</p>'.repeat(20)}</body></html>`,
    );
    await withWindowAccess({ 'layout.css.prefers-color-scheme.content-override': 0 }, async (browser) => {
      const tab = await browser.newPage();
      await tab.setViewport({ width: 1280, height: 800 });
      await tab.goto(`${server.origin}/firefox-styled`);
      await expect.poll(() => painted(tab)).toContain('Vladimir Putin');
      const point = await tab.evaluate(textPointInPage, { text: 'Vladimir Putin', occurrence: 0 });
      await tab.mouse.move(point!.x, point!.y);
      await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
      await new Promise((done) => setTimeout(done, 300));
      const png = await tab.screenshot({ encoding: 'base64' });
      // A card of some 300 × 150 px or more, in its background colour.
      expect(await tab.evaluate(pixelsOfColourInPage, { png, colour: DARK_CARD })).toBeGreaterThan(40_000);
    });
  });
}
