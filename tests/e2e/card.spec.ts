import { inflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { accessibilityNodes, type AxNode, clickShadowUiButton, cloneCardForAxe, focusedElement, shadowUiBox, shadowUiCall, shadowUiCardTitle, shadowUiStyle, shadowUiText, shadowUiTexts } from './closed-shadow';
import { expect, HEADLINE, paintedMentions, pointOfText, test } from './fixtures';
import { serveOtherSite } from './other-site';
import { sendToPage } from './popup-page';
import { framesReported, pressShortcut } from './shortcut';
import { tap } from './taps';
import { textBoxInPage, textPointInPage } from '../../tooling/text-point';
import { openNameInPage } from '../../tooling/painted-texts';
import { pageWithTickerInShadowRoot } from '../../tooling/ticker-page';
import { longestTaskGapInPage, watchTaskGapsInPage } from '../../tooling/task-gaps';

async function openDemo(page: import('@playwright/test').Page, origin: string) {
  await page.goto(`${origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
}

/** The demo article with the pointer on `name`, its card open. */
async function hoverOnDemo(page: import('@playwright/test').Page, origin: string, name: string) {
  await openDemo(page, origin);
  const point = await pointOfText(page, name);
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => cardTitle(page)).toBe(name);
}

/**
 * A page whose one name, "Kim Jong Un", wraps: its paragraph narrowed until "Kim Jong" ends a line and "Un" begins
 * the next. The boxes of "Kim" and of "Un", and the middle of "Un".
 */
async function openWrappedName(page: import('@playwright/test').Page, server: { origin: string; route(path: string, html: string): void }) {
  server.route(
    '/wrapped',
    `<!doctype html><html lang="en"><body style="margin:0"><div style="height:200px"></div>` +
      `<p id="p" style="font:20px/40px sans-serif;margin:0 20px">Talks went on late into the night as Kim Jong Un met officials.</p></body></html>`,
  );
  await page.goto(`${server.origin}/wrapped`);
  await expect.poll(() => paintedMentions(page)).toBe(1);
  const lines = await page.evaluate(() => {
    const p = document.getElementById('p')!;
    const text = p.firstChild as Text;
    const at = text.data.indexOf('Kim Jong Un');
    const part = (from: number, to: number) => {
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      return range.getBoundingClientRect();
    };
    for (let width = 700; width > 100; width -= 2) {
      p.style.width = `${width}px`;
      const kim = part(at, at + 3);
      const un = part(at + 9, at + 11);
      if (un.top > kim.bottom - 1) return { first: { top: kim.top, bottom: kim.bottom }, second: { top: un.top, bottom: un.bottom, x: un.x + un.width / 2 } };
    }
    return null;
  });
  expect(lines).not.toBeNull();
  return lines!;
}

/** A paragraph naming nothing, repeated for a page's length. */
const FILLER = '<p>Nothing to see in this paragraph, only filler text for length.</p>';

/** How many names are painted in one frame. */
const paintedIn = (frame: import('@playwright/test').Frame) => frame.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);

/** Presses the shortcut once for each of `names`, each time seeing that name's card open. */
async function expectShortcutWalk(worker: import('@playwright/test').Worker, page: import('@playwright/test').Page, names: readonly string[]) {
  for (const name of names) {
    await pressShortcut(worker, page);
    await expect.poll(() => cardTitle(page)).toBe(name);
  }
}

/** A page with a live ticker framed at its top, naming South Korea and Japan, above `article` (naming two of the story). */
const tickerAbove = (article: string) =>
  `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif">
  <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea and Japan held exercises.</p>" style="width:600px;height:80px"></iframe>
  ${article}</body></html>`;

/**
 * Opens a page of tickerAbove once its frames' names are painted and reported: reported by these documents, not by
 * those of the same address loaded before, whose reports stay stored until the new ones replace them. The ticker's frame.
 */
async function openTickerAbove(page: import('@playwright/test').Page, url: string, worker: import('@playwright/test').Worker) {
  await page.goto(url);
  const ticker = page.frames()[1]!;
  await expect.poll(() => paintedIn(ticker)).toBe(2);
  await expect.poll(() => paintedMentions(page)).toBe(2);
  // When the page's document began, as its reports read it (extension/story-keys.ts, documentStart): on the wall clock.
  const since = await page.evaluate(() => Date.now() - performance.now());
  await expect.poll(() => framesReported(worker, since)).toBe(2);
  return ticker;
}

// The title, not the text's start: a card opened from "Related" says "← Back to …" above it.
const cardTitle = (page: import('@playwright/test').Page) => shadowUiCardTitle(page);

/** The demo article with North Korea's card opened as the popup opens it: the longest card, its facts in. */
async function northKoreaCard(context: import('@playwright/test').BrowserContext, extensionId: string, page: import('@playwright/test').Page, origin: string) {
  await openDemo(page, origin);
  await sendToPage(context, extensionId, page, { type: 'page/reveal', entityId: 'north-korea' });
  await expect.poll(() => cardTitle(page)).toBe('North Korea');
  await expect.poll(() => shadowUiText(page)).toContain('on Tuesday');
}

/** Reveals `entityId` as the popup does, once the page has been read: its card opens, `text` on screen. The point of `text`. */
async function revealOnScreen(
  context: import('@playwright/test').BrowserContext,
  extensionId: string,
  page: import('@playwright/test').Page,
  entityId: string,
  title: string,
  text: string,
) {
  await expect.poll(() => sendToPage(context, extensionId, page, { type: 'page/reveal', entityId })).toMatchObject({ ok: true, revealed: true });
  await expect.poll(() => cardTitle(page)).toBe(title);
  const point = await pointOfText(page, text, 0, false);
  expect(point.y).toBeGreaterThan(0);
  expect(point.y).toBeLessThan(page.viewportSize()!.height);
  return point;
}

/**
 * A page naming Vladimir Putin, then a web component whose shadow root (closed unless `mode` says) holds a ticker frame
 * naming South Korea and Japan, then Kim Jong Un; every frame's names found and reported. The worker.
 */
async function openClosedTicker(
  page: import('@playwright/test').Page,
  server: { origin: string; route(path: string, html: string): void },
  serviceWorker: () => Promise<import('@playwright/test').Worker>,
  mode: ShadowRootMode = 'closed',
) {
  server.route(
    `/${mode}-ticker`,
    pageWithTickerInShadowRoot(mode, '<p id=plain>Ticker: plain text to click into.</p><p>South Korea and Japan held exercises.</p>'),
  );
  await page.goto(`${server.origin}/${mode}-ticker`);
  await expect.poll(() => page.frames().length).toBe(2);
  const ticker = page.frames()[1]!;
  await expect.poll(() => paintedIn(ticker)).toBe(2);
  await expect.poll(() => paintedMentions(page)).toBe(2);
  const worker = await serviceWorker();
  await expect.poll(() => framesReported(worker)).toBe(2);
  return worker;
}

/**
 * A page naming Vladimir Putin above a ticker frame naming South Korea and Japan, walked by the
 * shortcut into the ticker: South Korea's card open in the frame, with the keyboard focus. The frame.
 */
async function walkIntoTicker(page: import('@playwright/test').Page, worker: import('@playwright/test').Worker, url: string) {
  await page.goto(url);
  await expect.poll(() => paintedMentions(page)).toBe(1);
  const ticker = page.frames()[1]!;
  await expect.poll(() => paintedIn(ticker)).toBe(2);
  await expect.poll(() => framesReported(worker)).toBe(2);
  await expectShortcutWalk(worker, page, ['Vladimir Putin', 'South Korea']);
  return ticker;
}

/** The demo article from its top, Vladimir Putin's card opened by hovering his name and placed: the name's point and the card's box. */
async function hoverPutinAtTop(page: import('@playwright/test').Page, origin: string) {
  await openDemo(page, origin);
  await page.evaluate(() => window.scrollTo(0, 0));
  const point = await pointOfText(page, 'Vladimir Putin');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
  await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
  return { point, box: (await shadowUiBox(page))! };
}

/** The colour drawn most in `clip` of the page's screenshot, as red, green, blue. */
async function drawnColour(page: import('@playwright/test').Page, clip: { x: number; y: number; width: number; height: number }): Promise<number[]> {
  const png = await page.screenshot({ clip, type: 'png' });
  return page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < pixels.length; i += 4) {
      const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0].split(',').map(Number);
  }, png.toString('base64'));
}

/** The largest difference of two colours in one channel (compositing may round a channel by a step or two). */
function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((channel, i) => Math.abs(channel - b[i]!)));
}

test.describe('the hover card', () => {
  test('in a plain-text file of megabytes, the names at its end are painted and show their card', async ({ page, server }) => {
    // Chromium shows a .txt file as one text node in a <pre>: one block, read in slices of its own since it is cut at its lines.
    const line = 'the prince said that he would go to the ball and the countess smiled\n';
    const chapter = `Chapter\n\n${line.repeat(400)}\n`;
    server.route('/book.txt', `Vladimir Putin arrived.\n\n${chapter.repeat(180)}Kim Jong Un met him in Pyongyang.\n`, 'text/plain; charset=utf-8');
    await page.goto(`${server.origin}/book.txt`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    const point = await pointOfText(page, 'Kim Jong Un');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
  });

  test('the keyboard command in a plain-text log of 30,000 names opens the names in view without freezing the tab', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    // Every name after the reader's place was measured for being in view, each a millisecond or more in a text node of
    // megabytes: the tab froze for 30 s a press here (minutes at 100,000 names). Now only those near the screen: 55 ms.
    server.route('/log.txt', 'Vladimir Putin arrived in Pyongyang.\n'.repeat(30_000), 'text/plain; charset=utf-8');
    await page.goto(`${server.origin}/log.txt`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    // The card script in first (sendToPage brings it in: its start is a task of its own, not the walk's).
    expect(await sendToPage(context, extensionId, page, { type: 'page/close-card' })).toMatchObject({ ok: true });
    await page.evaluate(watchTaskGapsInPage);
    for (const name of ['Vladimir Putin', 'Pyongyang', 'Vladimir Putin']) {
      expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention' })).toMatchObject({ ok: true, revealed: true });
      await expect.poll(() => cardTitle(page)).toBe(name);
    }
    // Opened beside the names at the top, where the page stays.
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(await page.evaluate(longestTaskGapInPage)).toBeLessThan(2000);
  });

  test('a card open in a plain-text log of 30,000 names stays open, without freezing the tab, as the page writes the log anew', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    // The card looked for its name's successor by measuring each of the entity's names from the top, a millisecond or more
    // each in a text node of megabytes: the tab froze for 5.7 s here. Now only those near the screen: 190 ms, the page's own layout most of it.
    server.route('/tail.txt', 'Vladimir Putin arrived in Pyongyang.\n'.repeat(30_000), 'text/plain; charset=utf-8');
    await page.goto(`${server.origin}/tail.txt`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention' })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await page.evaluate(watchTaskGapsInPage);
    const scrolled = await page.evaluate(async () => {
      // A log viewer writing its text anew: a new text node, every name in it a new one.
      document.querySelector('pre')!.textContent += 'Kim Jong Un arrived.\n';
      await new Promise((done) => setTimeout(done, 3000));
      return scrollY > 0;
    });
    expect(scrolled).toBe(true);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    expect(await page.evaluate(longestTaskGapInPage)).toBeLessThan(2000);
  });

  test('opens only after the pointer rests on a name, not when it passes over', async ({ page, server }) => {
    await openDemo(page, server.origin);
    // The card script is there (it loads in idle time after the scan): its start, in the page's
    // main thread, would otherwise delay the pointer's next move past the hover delay.
    await expect.poll(() => shadowUiText(page)).not.toBeNull();
    // Watched from before the pointer comes: a card that opened as the pointer passed would close again within the wait
    // below, and a look at its end alone would find none. The card's root is closed; the DevTools protocol reaches it.
    type Node = { backendNodeId: number; localName?: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
    const cdp = await page.context().newCDPSession(page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const hostOf = (node: Node): Node | undefined =>
      node.localName === 'backstory-card' && node.attributes?.includes('data-backstory-card')
        ? node
        : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(hostOf).find(Boolean);
    const cardRoot = hostOf(root)!.shadowRoots![0]!;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: cardRoot.backendNodeId })) as { object: { objectId: string } };
    const cardsShown = async (fn: string) =>
      ((await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, returnByValue: true })) as { result: { value: number } }).result.value;
    await cardsShown(`function () {
      this.cardsShown = 0;
      new MutationObserver((records) => {
        for (const { addedNodes } of records) for (const node of addedNodes)
          if (node.nodeType === 1 && (node.matches('.card-frame') || node.querySelector('.card-frame'))) this.cardsShown++;
      }).observe(this, { childList: true, subtree: true });
      return 0;
    }`);
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await page.waitForTimeout(80);
    // Down into the page's margin, where no card could be.
    await page.mouse.move(10, point.y + 200);
    await page.waitForTimeout(500);
    expect(await cardsShown('function () { return this.cardsShown; }')).toBe(0);
    expect(await shadowUiBox(page)).toBeNull();

    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    // The watch sees a card that opens: its count above is not blind.
    expect(await cardsShown('function () { return this.cardsShown; }')).toBe(1);
    await cdp.detach();
  });

  test('a hovered card closes as the mouse button is pressed, on its own name too (a selection starting there), and comes back only once the pointer left the name', async ({
    page,
    server,
  }) => {
    const { point } = await hoverPutinAtTop(page, server.origin);
    await page.mouse.down();
    await expect.poll(() => shadowUiBox(page), { timeout: 1000 }).toBeNull();
    await page.mouse.up();
    await page.waitForTimeout(500);
    expect(await shadowUiBox(page)).toBeNull();
    // Put away, it stays away while the pointer goes on moving on the name.
    await page.mouse.move(point.x + 2, point.y);
    await page.waitForTimeout(600);
    expect(await shadowUiBox(page)).toBeNull();
    await page.mouse.move(point.x, point.y + 60);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
  });

  test('no card opens while a mouse button is held: a selection dragged across names, resting on one, pops none up', async ({ page, server }) => {
    await openDemo(page, server.origin);
    await expect.poll(() => shadowUiText(page)).not.toBeNull();
    await page.evaluate(() => window.scrollTo(0, 0));
    const putin = await pointOfText(page, 'Vladimir Putin');
    // Pressed in the page's margin on the name's line, dragged onto the name, and held there past the hover delay.
    await page.mouse.move(3, putin.y);
    await page.mouse.down();
    await page.mouse.move(putin.x, putin.y, { steps: 8 });
    await page.waitForTimeout(600);
    expect(await shadowUiBox(page)).toBeNull();
    expect(await page.evaluate(() => getSelection()!.toString())).toContain('President Vlad');
    await page.mouse.up();
    await page.waitForTimeout(500);
    expect(await shadowUiBox(page)).toBeNull();
    // A press on a name the pointer came to rest on a moment before cancels its card.
    const kim = await pointOfText(page, 'Kim Jong Un', 0, false);
    await page.mouse.move(kim.x, kim.y);
    await page.waitForTimeout(80);
    await page.mouse.down();
    await page.waitForTimeout(600);
    expect(await shadowUiBox(page)).toBeNull();
    await page.mouse.up();
    await page.mouse.move(kim.x + 1, kim.y);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
  });

  test('a name the wheel scrolls under a pointer at rest opens no card; the pointer moving on it does', async ({ page, server }) => {
    server.route(
      '/scrolled-under',
      `<!doctype html><html lang="en"><body style="margin:0"><div style="height:500px"></div>` +
        `<p style="font:20px/30px sans-serif;margin:0 40px">Talks went on as Kim Jong Un met officials.</p><div style="height:3000px"></div></body></html>`,
    );
    await page.goto(`${server.origin}/scrolled-under`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    await expect.poll(() => shadowUiText(page)).not.toBeNull();
    const kim = await pointOfText(page, 'Kim Jong Un', 0, false);
    // On blank page 200 px above the name, left there.
    const rest = { x: kim.x, y: kim.y - 200 };
    await page.mouse.move(rest.x, rest.y);
    await page.waitForTimeout(400);
    expect(await shadowUiBox(page)).toBeNull();
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(200);
    expect(Math.abs((await pointOfText(page, 'Kim Jong Un', 0, false)).y - rest.y)).toBeLessThan(5);
    await page.waitForTimeout(600);
    expect(await shadowUiBox(page)).toBeNull();
    // A move event where the pointer already is, which a browser may send as the page settles, is no movement either.
    await page.mouse.move(rest.x, rest.y);
    await page.waitForTimeout(600);
    expect(await shadowUiBox(page)).toBeNull();
    await page.mouse.move(rest.x + 1, rest.y);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
  });

  test('a tap on a name opens its card until a tap elsewhere or Escape; a tap on a name in a link, a button or a label does the page’s own thing', async ({
    page,
    server,
  }) => {
    server.route(
      '/taps',
      `<!doctype html><html lang="en"><body style="margin:0;font:20px/30px sans-serif">` +
        `<p style="margin:20px">Talks went on in Pyongyang all night.</p>` +
        // Clear of the card that opens under the name above.
        `<p style="margin:20px;text-align:right">Officials of North Korea said little.</p>` +
        `<p style="margin:20px"><a href="#linked">Kim Jong Un</a> spoke.</p>` +
        `<p style="margin:20px"><button type="button" onclick="this.dataset.pressed = 'yes'">Vladimir Putin</button></p>` +
        `<p style="margin:20px"><label><input type="checkbox" id="box"> John Kirby</label></p>` +
        `<div style="height:1500px"></div></body></html>`,
    );
    await page.goto(`${server.origin}/taps`);
    await expect.poll(() => paintedMentions(page)).toBe(5);
    await expect.poll(() => shadowUiText(page)).not.toBeNull();
    const pyongyang = await pointOfText(page, 'Pyongyang', 0, false);
    await tap(page, pyongyang);
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
    // No pointer rests on the name, and none needs to: the card stays.
    await page.waitForTimeout(800);
    expect(await cardTitle(page)).toBe('Pyongyang');
    // Its own name tapped again keeps it; another name's tap shows that one's.
    await tap(page, pyongyang);
    await page.waitForTimeout(500);
    expect(await cardTitle(page)).toBe('Pyongyang');
    await tap(page, await pointOfText(page, 'North Korea', 0, false));
    await expect.poll(() => cardTitle(page)).toBe('North Korea');
    // A tap on the page away from the card and its names puts it away.
    await tap(page, { x: 600, y: 600 });
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await tap(page, pyongyang);
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();

    const pagesOwn = [
      ['Kim Jong Un', () => page.evaluate(() => location.hash === '#linked')],
      ['Vladimir Putin', () => page.evaluate(() => document.querySelector('button')!.dataset.pressed === 'yes')],
      ['John Kirby', () => page.evaluate(() => (document.getElementById('box') as HTMLInputElement).checked)],
    ] as const;
    for (const [name, done] of pagesOwn) {
      await tap(page, await pointOfText(page, name, 0, false));
      await expect.poll(done, name).toBe(true);
      await page.waitForTimeout(400);
      expect(await shadowUiBox(page), name).toBeNull();
    }

    // A pen's tap as a finger's.
    await tap(page, await pointOfText(page, 'North Korea', 0, false), 'pen');
    await expect.poll(() => cardTitle(page)).toBe('North Korea');
    await page.waitForTimeout(800);
    expect(await cardTitle(page)).toBe('North Korea');
    // The mouse, after all those taps, still hovers names open.
    await page.mouse.move(pyongyang.x, pyongyang.y);
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
  });

  test('a tap on the name of the card a tap opened leaves that card as it is: it does not close and fade in again', async ({ page, server }) => {
    server.route(
      '/retap',
      `<!doctype html><html lang="en"><body style="margin:0;font:20px/30px sans-serif"><p style="margin:20px">Talks went on in Pyongyang all night.</p></body></html>`,
    );
    await page.goto(`${server.origin}/retap`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const pyongyang = await pointOfText(page, 'Pyongyang', 0, false);
    await tap(page, pyongyang);
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
    await expect.poll(() => shadowUiCall(page, 'card-frame', 'function () { return this.dataset.placed; }')).toBe('true');
    // Whatever happens to the card shown now, as it happens: a close and a reopen between two polls would look like no change.
    await shadowUiCall(
      page,
      'card-frame',
      `function () {
        const frame = this;
        const changes = (window.cardChanges = []);
        new MutationObserver((records) => {
          for (const record of records) if ([...record.removedNodes].includes(frame)) changes.push('closed');
        }).observe(frame.parentNode, { childList: true });
        new MutationObserver(() => changes.push('placed=' + frame.dataset.placed)).observe(frame, { attributeFilter: ['data-placed'] });
      }`,
    );
    await tap(page, pyongyang);
    await tap(page, { x: pyongyang.x + 3, y: pyongyang.y });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { cardChanges: string[] }).cardChanges)).toEqual([]);
    expect(await cardTitle(page)).toBe('Pyongyang');
  });

  test('stays open while the pointer travels into it, and closes after it leaves', async ({ page, server }) => {
    await openDemo(page, server.origin);
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => shadowUiBox(page)).not.toBeNull();
    const box = (await shadowUiBox(page))!;
    // Into the card, through the gap between name and card.
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 4 });
    await page.waitForTimeout(600);
    expect(await cardTitle(page)).toBe('Vladimir Putin');
    // Well away from both.
    await page.mouse.move(box.x + box.width + 200, 5);
    await expect.poll(() => shadowUiBox(page), { timeout: 3000 }).toBeNull();
  });

  test('closes as the pointer moves on into a part of the page that keeps its events to itself (a map), where a name opens its own card', async ({ page, server }) => {
    server.route(
      '/map',
      `<!doctype html><html lang="en"><body style="margin:0"><p style="margin:20px">Kim Jong Un met officials.</p>` +
        `<div id="map" style="margin-top:300px;height:400px;background:#dde"><p style="padding:150px 0 0 900px;margin:0">Pyongyang</p></div>` +
        `<script>for (const type of ['pointermove', 'mousemove', 'pointerout', 'mouseout'])` +
        ` document.getElementById('map').addEventListener(type, (event) => event.stopPropagation());</script></body></html>`,
    );
    await page.goto(`${server.origin}/map`);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    const kim = await pointOfText(page, 'Kim Jong Un');
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    const map = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(map.x + 40, map.y + map.height - 40, { steps: 2 });
    await page.mouse.move(map.x + 60, map.y + map.height - 30, { steps: 2 });
    await expect.poll(() => shadowUiBox(page), { timeout: 3000 }).toBeNull();
    const pyongyang = await pointOfText(page, 'Pyongyang');
    await page.mouse.move(pyongyang.x, pyongyang.y, { steps: 2 });
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
  });

  test('on a page that stops the pointer’s events at the window before anything else hears of them, cards open and close as anywhere', async ({
    page,
    server,
  }) => {
    // Added before any script of ours, at the window's capture: the mouse's own events still come through.
    server.route(
      '/pointer-stopped',
      `<!doctype html><html lang="en"><head><script>for (const type of ['pointermove', 'pointerdown', 'pointerup', 'pointerout'])` +
        ` addEventListener(type, (event) => event.stopImmediatePropagation(), true);</script></head>` +
        `<body><p style="margin:40px">Kim Jong Un met officials.<iframe title="Weather" srcdoc="<p>Sunny.</p>" style="width:200px;height:60px;margin-left:4px"></iframe></p>` +
        `<div style="height:600px"></div></body></html>`,
    );
    await page.goto(`${server.origin}/pointer-stopped`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const kim = await pointOfText(page, 'Kim Jong Un');
    await page.mouse.move(kim.x, kim.y, { steps: 2 });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    // A press closes it, and none opens while the button is held.
    await page.mouse.down();
    await expect.poll(() => shadowUiBox(page), { timeout: 1000 }).toBeNull();
    await page.mouse.move(kim.x + 2, kim.y);
    await page.waitForTimeout(600);
    expect(await shadowUiBox(page)).toBeNull();
    await page.mouse.up();
    // Put away by the press, it opens again once the pointer has left the name and come back.
    await page.mouse.move(kim.x, kim.y + 60);
    await page.mouse.move(kim.x + 3, kim.y);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    // One move into the frame beside the name: the page's last sight of the pointer is on its name.
    const frame = (await page.locator('iframe').boundingBox())!;
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await expect.poll(() => shadowUiBox(page), { timeout: 3000 }).toBeNull();
    await page.mouse.move(kim.x, kim.y, { steps: 2 });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    await page.mouse.move(kim.x + 500, kim.y + 400, { steps: 2 });
    await expect.poll(() => shadowUiBox(page), { timeout: 3000 }).toBeNull();
  });

  test('scrolled with the wheel past its end, the card leaves the page where it is, and stays open', async ({ page, server }) => {
    const { box } = await hoverPutinAtTop(page, server.origin);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    for (let step = 0; step < 12; step++) {
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(await cardTitle(page)).toBe('Vladimir Putin');
  });

  test.describe('beside scroll bars that take room', () => {
    test.use({ scrollbars: true });

    test('on a narrow screen, the card stands clear of the page’s scroll bar', async ({ page, server }) => {
      await page.setViewportSize({ width: 375, height: 667 });
      await openDemo(page, server.origin);
      const viewport = await page.evaluate(() => document.documentElement.clientWidth);
      expect(viewport, 'the scroll bar takes room').toBeLessThan(375);
      const point = await pointOfText(page, 'Washington');
      await page.mouse.move(point.x, point.y);
      await expect.poll(() => cardTitle(page)).toBe('Washington');
      await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
      const box = (await shadowUiBox(page))!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport);
    });
  });

  test('a card with nothing to scroll lets the wheel over it scroll the page, as it would without the card', async ({ page, server }) => {
    server.route(
      '/short-card',
      `<!doctype html><html lang="en"><body style="margin:0"><p style="margin:20px">Ukraine was named once.</p>` +
        `<div style="height:3000px"></div></body></html>`,
    );
    await page.goto(`${server.origin}/short-card`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const point = await pointOfText(page, 'Ukraine');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Ukraine');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const box = (await shadowUiBox(page))!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
  });

  test('a name that wraps: the card stands by the line hovered, above or below the whole name, covering none of it', async ({ page, server }) => {
    const lines = await openWrappedName(page, server);
    await page.mouse.move(lines.second.x, (lines.second.top + lines.second.bottom) / 2);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const card = (await shadowUiBox(page))!;
    // Below the second line, or above it: clear of the line pointed at, and beside it.
    // Below the name, or above it: clear of both its lines, and beside them.
    const clear = (box: { y: number; height: number }) =>
      (box.y >= lines.second.bottom - 1 && box.y - lines.second.bottom < 20) ||
      (box.y + box.height <= lines.first.top + 1 && lines.first.top - (box.y + box.height) < 20);
    expect({ beside: clear(card), card, lines }).toMatchObject({ beside: true });
    // Hovered on the first line, the card covers nothing of the second either ("Un" below "Kim Jong").
    await page.mouse.move(5, 5);
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    const kim = await page.evaluate(() => {
      const text = document.getElementById('p')!.firstChild as Text;
      const at = text.data.indexOf('Kim Jong Un');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 3);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const byFirst = (await shadowUiBox(page))!;
    expect({ beside: clear(byFirst), card: byFirst, lines }).toMatchObject({ beside: true });
  });

  test('a name that wraps: the card stays open when the page writes the same text again, hovered on its second line', async ({ page, server }) => {
    const lines = await openWrappedName(page, server);
    await page.mouse.move(lines.second.x, (lines.second.top + lines.second.bottom) / 2);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    // A framework setting the same HTML again: new text nodes, the name where it stood.
    await page.evaluate(() => {
      const p = document.getElementById('p')!;
      const html = p.innerHTML;
      p.innerHTML = html;
    });
    await page.waitForTimeout(600);
    expect(await cardTitle(page)).toBe('Kim Jong Un');
  });

  test('a name the page writes anew while the pointer rests on it, before its card opened, opens its card by the name, not in the window’s corner', async ({ page, server }) => {
    const lines = await openWrappedName(page, server);
    // A framework setting the same HTML again a moment into the hover's wait: new text nodes, the name where it stood.
    await page.evaluate(() =>
      setTimeout(() => {
        const p = document.getElementById('p')!;
        const html = p.innerHTML;
        p.innerHTML = html;
      }, 60),
    );
    await page.mouse.move(lines.second.x, (lines.second.top + lines.second.bottom) / 2);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    await expect.poll(() => shadowUiCall(page, 'card-frame', 'function () { return this.dataset.placed; }')).toBe('true');
    const card = (await shadowUiBox(page))!;
    // 8 px below or above the name's lines, which stand 200 px down the page: not at the window's top-left corner.
    const below = Math.abs(card.y - (lines.second.bottom + 8));
    const above = Math.abs(card.y + card.height - (lines.first.top - 8));
    expect(Math.min(below, above), JSON.stringify({ card, lines })).toBeLessThan(4);
  });

  test('a name split between two columns: the card stands by the part hovered, not clear of both columns', async ({ page, server }) => {
    server.route(
      '/columns',
      `<!doctype html><html lang="en"><body style="margin:0"><div style="height:100px"></div>` +
        `<div id="cols" style="columns:2;column-gap:60px;column-fill:auto;width:900px;height:400px;margin:0 20px;font:20px/40px sans-serif">` +
        `<p style="margin:0">${'Officials met and talked about trade, the weather and the harvest. '.repeat(6)}Late that night Kim Jong Un met officials in the capital again.</p></div></body></html>`,
    );
    await page.goto(`${server.origin}/columns`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    // Narrowed until "Un" begins a line of its own, then the columns cut at that line: "Kim" ends the first column, "Un" begins the second.
    const parts = await page.evaluate(() => {
      const cols = document.getElementById('cols')!;
      const text = cols.querySelector('p')!.firstChild as Text;
      const at = text.data.indexOf('Kim Jong Un');
      // One range, moved: a part of the name at a time.
      const range = new Range();
      const part = (from: number, to: number) => {
        range.setStart(text, from);
        range.setEnd(text, to);
        return range.getBoundingClientRect();
      };
      cols.style.height = '2000px';
      for (let width = 900; width > 400; width -= 2) {
        cols.style.width = `${width}px`;
        const kim = part(at, at + 3);
        const un = part(at + 9, at + 11);
        if (un.top <= kim.bottom - 1) continue;
        cols.style.height = `${un.top - cols.getBoundingClientRect().top}px`;
        const kimThen = part(at, at + 3);
        const unThen = part(at + 9, at + 11);
        if (unThen.top < kimThen.top - 20 && unThen.left > kimThen.right) {
          return { kim: { x: kimThen.x + kimThen.width / 2, y: (kimThen.top + kimThen.bottom) / 2, bottom: kimThen.bottom, top: kimThen.top } };
        }
        cols.style.height = '2000px';
      }
      return null;
    });
    expect(parts).not.toBeNull();
    await page.mouse.move(parts!.kim.x, parts!.kim.y);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const card = (await shadowUiBox(page))!;
    const below = card.y >= parts!.kim.bottom - 1 && card.y - parts!.kim.bottom < 20;
    const above = card.y + card.height <= parts!.kim.top + 1 && parts!.kim.top - (card.y + card.height) < 20;
    expect({ beside: below || above, card, parts }).toMatchObject({ beside: true });
    expect(card.height).toBeGreaterThan(200);
  });

  test('stays open when the pointer comes back from the card onto its name; a name reached from the card keeps its own card', async ({
    page,
    server,
  }) => {
    const { point, box } = await hoverPutinAtTop(page, server.origin);
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 4 });
    await page.waitForTimeout(100);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.waitForTimeout(700);
    expect(await cardTitle(page)).toBe('Vladimir Putin');

    // From inside the card onto another name in view, outside the card.
    const outside = (p: { x: number; y: number }) => p.x < box.x || p.x > box.x + box.width || p.y < box.y || p.y > box.y + box.height;
    let other: { x: number; y: number } | undefined;
    for (let occurrence = 0; !other && occurrence < 6; occurrence++) {
      const candidate = await pointOfText(page, 'North Korea', occurrence, false);
      if (candidate.y > 0 && candidate.y < page.viewportSize()!.height && outside(candidate)) other = candidate;
    }
    expect(other).toBeDefined();
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 4 });
    await page.waitForTimeout(100);
    await page.mouse.move(other!.x, other!.y, { steps: 4 });
    await expect.poll(() => cardTitle(page)).toBe('North Korea');
    await page.waitForTimeout(700);
    expect(await cardTitle(page)).toBe('North Korea');
  });

  test('a card the popup opened stays open once the page scrolled to its name, wherever the pointer rests; a click outside closes it', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    await openDemo(page, server.origin);
    await page.evaluate(() => window.scrollTo(0, 0));
    // The pointer rests on the page, on no name: after the scroll, whatever lies under it must not close the card.
    await page.mouse.move(3, 3);
    expect(await sendToPage(context, extensionId, page, { type: 'page/reveal', entityId: 'john-kirby' })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('John Kirby');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    // Focus is in the card, ringed as its controls are (#1a5fd0), not by the browser's black double ring.
    expect(await shadowUiStyle(page, 'card-frame', 'outline-style')).toBe('solid');
    expect(await shadowUiStyle(page, 'card-frame', 'outline-color')).toBe('rgb(26, 95, 208)');
    await page.waitForTimeout(800);
    expect(await cardTitle(page)).toBe('John Kirby');
    // The pointer passing over the page leaves it open too.
    await page.mouse.move(600, 5, { steps: 3 });
    await page.waitForTimeout(600);
    expect(await cardTitle(page)).toBe('John Kirby');
    await page.mouse.click(3, 3);
    await expect.poll(() => shadowUiBox(page)).toBeNull();
  });

  test('the popup reveals a name the page scrolled under its fixed header: the page scrolls it clear before its card opens', async ({ context, extensionId, page, server }) => {
    server.route(
      '/under-header',
      `<!doctype html><html lang="en"><body style="margin:0">
      <header style="position:fixed;top:0;left:0;right:0;height:80px;background:#fff;z-index:5">The Site</header>
      <div style="height:120px"></div><p id="name">Officials in Washington said so.</p>${FILLER.repeat(40)}</body></html>`,
    );
    await page.goto(`${server.origin}/under-header`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    // The name's line 30 px from the top: on screen, under the header.
    await page.evaluate(() => window.scrollTo(0, document.querySelector('#name')!.getBoundingClientRect().top + scrollY - 30));
    const covered = () =>
      page.evaluate(() => {
        const box = document.querySelector('#name')!.getBoundingClientRect();
        return document.elementFromPoint(box.left + 40, box.top + box.height / 2)?.localName;
      });
    expect(await covered()).toBe('header');
    expect(await sendToPage(context, extensionId, page, { type: 'page/reveal', entityId: 'washington' })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Washington');
    expect(await covered()).toBe('p');

    // A bar down the side covers the name at any height: the page stays where it is, and the card stays open.
    await page.evaluate(() => {
      const bar = document.createElement('aside');
      bar.style.cssText = 'position:fixed;top:0;bottom:0;left:0;width:400px;background:#fff;z-index:5';
      document.body.append(bar);
      document.querySelector('header')!.remove();
    });
    await page.mouse.click(900, 700);
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await page.evaluate(() => window.scrollTo(0, document.querySelector('#name')!.getBoundingClientRect().top + scrollY - 30));
    const scrolled = await page.evaluate(() => scrollY);
    expect(await covered()).toBe('aside');
    expect(await sendToPage(context, extensionId, page, { type: 'page/reveal', entityId: 'washington' })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Washington');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    expect(await cardTitle(page)).toBe('Washington');
  });

  test('the popup reveals a name deep inside an element taller than the screen: the name itself comes into view', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    const lines = Array.from({ length: 600 }, (_, i) => (i === 500 ? 'Kim Jong Un spoke at length.' : `Line ${i} of the transcript.`));
    server.route('/transcript', `<!doctype html><html lang="en"><body><h1>Transcript</h1><pre>${lines.join('\n')}</pre></body></html>`);
    await page.goto(`${server.origin}/transcript`);
    // Painted only near the viewport: found once revealing it works.
    await expect
      .poll(() => sendToPage(context, extensionId, page, { type: 'page/reveal', entityId: 'kim-jong-un' }))
      .toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    const point = await pointOfText(page, 'Kim Jong Un', 0, false);
    expect(point.y).toBeGreaterThan(0);
    expect(point.y).toBeLessThan(page.viewportSize()!.height);
  });

  test('revealing a name skips its copies the page does not show (a collapsed menu, an invisible strip), and the card takes the keyboard focus', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    server.route(
      '/hidden-copies',
      `<!doctype html><html lang="en"><body><div><ul style="display:none"><li>North Korea</li></ul>` +
        `<p style="visibility:hidden">North Korea trending</p><p style="opacity:0">North Korea again</p></div>` +
        `<div style="height:1600px"></div><p id="real">North Korea said it would respond.</p></body></html>`,
    );
    await page.goto(`${server.origin}/hidden-copies`);
    // The shown copy came into view, and the card opened beside it, not in a corner.
    const point = await revealOnScreen(context, extensionId, page, 'north-korea', 'North Korea', 'North Korea said');
    const box = (await shadowUiBox(page))!;
    expect(Math.min(Math.abs(box.y - point.y), Math.abs(box.y + box.height - point.y))).toBeLessThan(60);
    // Chosen in the popup, from the keyboard or not: the card is where the reader's focus goes.
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'North Korea' });
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    // The keyboard command walks the shown names only: again the one in view.
    await sendToPage(context, extensionId, page, { type: 'page/next-mention' });
    await expect.poll(() => cardTitle(page)).toBe('North Korea');
    expect(await pointOfText(page, 'North Korea said', 0, false)).toEqual(point);
  });

  test('revealing a name in a paragraph the page fades in as it scrolls into view scrolls to it, as the shortcut does', async ({ context, extensionId, page, server }) => {
    // As news pages do: transparent until it enters the screen, then faded in.
    server.route(
      '/fade-in',
      `<!doctype html><html lang="en"><body><p>A page about the weather.</p><div style="height:1600px"></div>` +
        `<p class="fade" style="opacity:0;transition:opacity .2s">Kim Jong Un met officials.</p><div style="height:1600px"></div>` +
        `<script>new IntersectionObserver((entries) => { for (const e of entries) if (e.isIntersecting) e.target.style.opacity = '1'; })` +
        `.observe(document.querySelector('.fade'));</script></body></html>`,
    );
    await page.goto(`${server.origin}/fade-in`);
    await revealOnScreen(context, extensionId, page, 'kim-jong-un', 'Kim Jong Un', 'Kim Jong Un');
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => ((document.querySelector('.fade') as HTMLElement).style.opacity = '0'));
    await sendToPage(context, extensionId, page, { type: 'page/next-mention', fromStart: true });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    expect((await pointOfText(page, 'Kim Jong Un', 0, false)).y).toBeGreaterThan(0);
  });

  test('the keyboard command, one frame at a time: to the frame’s last name, then from its first; the card closes when the command moves on', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    server.route('/two-names', '<!doctype html><html lang="en"><body><p>Kim Jong Un met Vladimir Putin.</p></body></html>');
    await page.goto(`${server.origin}/two-names`);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    const step = (how: object) => sendToPage(context, extensionId, page, { type: 'page/next-mention', ...how });
    expect(await step({ wrap: false })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    expect(await step({ wrap: false })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    // Past the last one: the background moves on to the next frame naming the story.
    expect(await step({ wrap: false })).toMatchObject({ ok: true, revealed: false });
    expect(await cardTitle(page)).toBe('Vladimir Putin');
    expect(await step({ fromStart: true, wrap: false })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    expect(await sendToPage(context, extensionId, page, { type: 'page/close-card' })).toEqual({ ok: true });
    await expect.poll(() => shadowUiBox(page)).toBeNull();
  });

  for (const [what, style] of [
    ['whose body has a transform', 'body{transform:translateZ(0)}'],
    ['whose root element has a transform', 'html{transform:translateZ(0)}'],
    ['whose root element will change its transform', 'html{will-change:transform}'],
    ['whose root element contains its paint', 'html{contain:paint}'],
  ]) {
    test(`opens beside a name further down a page ${what}`, async ({ page, server }) => {
      const filler = FILLER.repeat(60);
      server.route(
        '/transformed',
        `<!doctype html><html lang="en"><head><style>${style}</style></head><body>${filler}<p>Vladimir Putin spoke.</p>${filler}</body></html>`,
      );
      await page.goto(`${server.origin}/transformed`);
      // Scrolled to: a fixed card whose containing block is the page would scroll away with it.
      await pointOfText(page, 'Vladimir Putin');
      await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
      const point = await pointOfText(page, 'Vladimir Putin');
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
      await page.mouse.move(point.x, point.y);
      await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
      await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
      const box = (await shadowUiBox(page))!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      // Beside the name, not over it.
      expect(box.y >= point.y + 4 || box.y + box.height <= point.y - 4).toBe(true);
      expect(Math.min(Math.abs(box.y - point.y), Math.abs(box.y + box.height - point.y))).toBeLessThan(60);
    });
  }

  for (const [what, style] of [
    ['that narrows its root element and centres it (html { max-width; margin: auto })', 'html{max-width:40em;margin:auto}'],
    ['written top to bottom, its lines from right to left (vertical Japanese)', 'html{writing-mode:vertical-rl}'],
  ]) {
    test(`opens under its name, not off to the side, on a page ${what}`, async ({ page, server }) => {
      server.route('/root-box', `<!doctype html><html lang="en"><head><style>${style}</style></head><body><p>In Moscow, Vladimir Putin met Kim Jong Un.</p></body></html>`);
      await page.goto(`${server.origin}/root-box`);
      await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
      const point = await pointOfText(page, 'Vladimir Putin');
      const name = await page.evaluate(() => {
        const text = document.querySelector('p')!.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, text.data.indexOf('Vladimir'));
        range.setEnd(text, text.data.indexOf(' met'));
        return range.getClientRects()[0]!.toJSON() as DOMRect;
      });
      // Where the root element stands off the viewport's left edge.
      expect(await page.evaluate(() => document.documentElement.getBoundingClientRect().left)).toBeGreaterThan(100);
      await page.mouse.move(point.x, point.y);
      await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
      await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
      const box = (await shadowUiBox(page))!;
      // Below the name, across from it: its left edge at the name's, or moved left only as far as the screen's edge needs.
      expect(box.y).toBeGreaterThan(name.bottom);
      expect(box.y - name.bottom).toBeLessThan(20);
      expect(box.x).toBeLessThanOrEqual(name.left + 1);
      expect(box.x + box.width).toBeGreaterThanOrEqual(name.right - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    });
  }

  test('in a viewport too short for the card beside its name (400% zoom), the card fits on screen whole', async ({ page, server }) => {
    await page.setViewportSize({ width: 320, height: 200 });
    const filler = FILLER.repeat(8);
    server.route('/short', `<!doctype html><html lang="en"><body>${filler}<p>John Kirby spoke.</p>${filler}<p>Pyongyang waited.</p>${filler}</body></html>`);
    await page.goto(`${server.origin}/short`);
    for (const name of ['John Kirby', 'Pyongyang']) {
      await page.mouse.move(1, 1);
      await expect.poll(() => shadowUiBox(page)).toBeNull();
      // The name halfway down: neither above nor below it has room for a card of the usual least height.
      const at = await pointOfText(page, name);
      await page.evaluate((dy) => scrollBy(0, dy), at.y - 100);
      await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
      const point = await pointOfText(page, name);
      await page.mouse.move(point.x, point.y);
      await expect.poll(() => cardTitle(page)).toBe(name);
      await expect.poll(async () => (await shadowUiBox(page))?.height ?? 0).toBeGreaterThan(60);
      const box = (await shadowUiBox(page))!;
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, name).toBeLessThanOrEqual(200);
    }
  });

  test('its text follows the font size the reader set in the browser (“Very large”), not the page’s root font size', async ({ page, server }) => {
    server.route(
      '/font-size',
      '<!doctype html><html lang="en"><head><style>html{font-size:5px}</style></head><body><p style="font-size:24px">Vladimir Putin arrived.</p></body></html>',
    );
    // What Chrome's Settings › Appearance › Font size sets: the default size, 16px at "Medium", 24px at "Very large".
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
    await page.goto(`${server.origin}/font-size`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    // 14px at the default 16px: the same share of the reader's size.
    expect(await shadowUiStyle(page, 'card-frame', 'font-size')).toBe('21px');
    expect(parseFloat((await shadowUiStyle(page, 'card-title', 'font-size'))!)).toBeCloseTo(25.5, 0);
    // Small capitals, 70% of the letters' size: capitals of 18px.
    expect(parseFloat((await shadowUiStyle(page, 'fact-group-title', 'font-size'))!) * 0.7).toBeCloseTo(18, 0);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 } });
    await cdp.detach();
  });

  test('select all and copy with a card open copies the page’s text, not the card’s', async ({ context, page, server }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    server.route('/copy', '<!doctype html><html lang="en"><body><main><p>Kim Jong Un met Vladimir Putin in Moscow.</p><p>Last paragraph.</p></main></body></html>');
    await page.goto(`${server.origin}/copy`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(1);
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item!.getType('text/plain')).text();
    });
    expect(copied.replace(/\s+/g, ' ').trim()).toBe('Kim Jong Un met Vladimir Putin in Moscow. Last paragraph.');
  });

  test('printing the page prints the page: no card over its text, no tint on its names, the hovered one’s letters in the page’s colour', async ({
    page,
    server,
  }) => {
    server.route('/print', '<!doctype html><html lang="en"><body><main><p style="color:#c00">Kim Jong Un met Vladimir Putin.</p></main></body></html>');
    await page.goto(`${server.origin}/print`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(1);
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    // Printed as the browser prints by default (without background graphics); each colour the sheet is drawn in, from its drawing operators.
    const pdf = await page.pdf();
    const colours = new Set<string>();
    for (const [, stream] of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
      let drawing: string;
      try {
        drawing = inflateSync(Buffer.from(stream!, 'latin1')).toString('latin1');
      } catch {
        continue; // Not a drawing: a font, say.
      }
      for (const [, colour] of drawing.matchAll(/([\d.]+ [\d.]+ [\d.]+) (?:rg|RG|sc|scn)\b/g)) colours.add(colour!);
    }
    // The page's red letters alone: not our tint (1 .7686 .1176), nor the card's colours, nor the hovered name's dark letters.
    expect([...colours]).toEqual(['.8 0 0']);
  });

  test('a related name’s card opens at its top, even when the card before was scrolled to its end', async ({ page, server }) => {
    await page.setViewportSize({ width: 1280, height: 500 });
    await hoverPutinAtTop(page, server.origin);
    // "Related" sits at the end of a card taller than the screen: reaching it scrolls the card.
    await clickShadowUiButton(page, 'North Korea');
    await expect.poll(() => cardTitle(page)).toBe('North Korea');
    const frame = (await shadowUiBox(page))!;
    const title = (await shadowUiBox(page, 'card-title'))!;
    expect(title.y).toBeGreaterThanOrEqual(frame.y);
    expect(title.y + title.height).toBeLessThanOrEqual(frame.y + frame.height);
  });

  test('“Back” from a related name’s card puts the focus on that name’s button in the card before, in view, as a browser’s Back does', async ({ page, server }) => {
    await page.setViewportSize({ width: 1280, height: 500 });
    await hoverPutinAtTop(page, server.origin);
    // "Related" sits at the end of a card taller than the screen: the card opens at its top, far from the button.
    await clickShadowUiButton(page, 'North Korea');
    await expect.poll(() => cardTitle(page)).toBe('North Korea');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'North Korea' });
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button', name: 'Back to Vladimir Putin' });
    await page.keyboard.press('Enter');
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    // Not the card's start: the reader would Tab through every source again to reach the next related name.
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button', name: 'North Korea' });
    const frame = (await shadowUiBox(page))!;
    const focused = await shadowUiCall<{ y: number; height: number }>(
      page,
      'card-frame',
      `function () { const box = this.getRootNode().activeElement.getBoundingClientRect(); return { y: box.y, height: box.height }; }`,
    );
    expect(focused.y).toBeGreaterThanOrEqual(frame.y);
    expect(focused.y + focused.height).toBeLessThanOrEqual(frame.y + frame.height);
  });

  test('a related name’s card, and the card “Back” returns to, stand on the side of the name the card before stood on: above it', async ({
    page,
    server,
  }) => {
    // Too little room below the name for Putin's long card, enough for Pyongyang's short one.
    await page.setViewportSize({ width: 1000, height: 700 });
    server.route(
      '/related-side',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><div style="height:420px"></div>` +
        `<p style="margin:0 40px">Talks began as Vladimir Putin arrived.</p><div style="height:1500px"></div></body></html>`,
    );
    await page.goto(`${server.origin}/related-side`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const name = (await page.evaluate(textBoxInPage, { text: 'Vladimir Putin' }))!;
    await page.mouse.move(name.x + name.width / 2, name.y + name.height / 2);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(() => shadowUiCall(page, 'card-frame', 'function () { return this.dataset.placed; }')).toBe('true');
    const putins = (await shadowUiBox(page))!;
    expect(putins.y + putins.height).toBeLessThanOrEqual(name.y);

    const cards = [
      ['Pyongyang', () => clickShadowUiButton(page, 'Pyongyang')],
      ['Vladimir Putin', () => clickShadowUiButton(page, '← Back to Vladimir Putin')],
    ] as const;
    for (const [title, click] of cards) {
      await click();
      await expect.poll(() => cardTitle(page)).toBe(title);
      // Placed, its facts in: the card as it stays.
      await expect.poll(() => shadowUiText(page)).not.toContain('Loading');
      await page.waitForTimeout(300);
      const card = (await shadowUiBox(page))!;
      // Still above the name, its bottom edge where the card before had it: below, it left the pointer that clicked over
      // the page's text, and "Back" at the far end of the screen.
      expect(Math.round(card.y + card.height), title).toBe(Math.round(putins.y + putins.height));
    }
  });

  test('on a page that zooms its body, the card opens beside the name at its own size', async ({ page, server }) => {
    const { box: plain } = await hoverPutinAtTop(page, server.origin);
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.body.style.zoom = '1.5'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(3, 3);
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const box = (await shadowUiBox(page))!;
    expect(box.width).toBeCloseTo(plain.width, 0);
    expect(Math.abs(box.x - point.x)).toBeLessThan(plain.width);
    expect(box.y).toBeGreaterThan(point.y);
    expect(box.y - point.y).toBeLessThan(60);
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  });

  // What the page does to the elements around our card's host (a dark mode made of one filter, a faded page) is not done to the card.
  for (const [what, style, colorScheme, background] of [
    ['that inverts its colours on its root element', 'html { filter: invert(1) }', 'light', [255, 255, 255]],
    ['that fades its body', 'body { opacity: .3 }', 'light', [255, 255, 255]],
    // The dark card: the light one, faded over the browser's white canvas, would look the same.
    ['that fades every element and dims what is behind its dialogs', '* { opacity: .5 } ::backdrop { background: #000 !important; display: block !important }', 'dark', [0x1f, 0x22, 0x26]],
  ] as const) {
    test(`on a page ${what}, the card is drawn in its own colours, over the page as the page draws it`, async ({ page, server }) => {
      await page.emulateMedia({ colorScheme });
      server.route(
        '/styled',
        `<!doctype html><html lang="en"><head><style>html { background: #203040; color: #fff } ${style}</style></head>
        <body><p>In Pyongyang, Vladimir Putin met Kim Jong Un.</p>${'<p>Filler text for length.</p>'.repeat(20)}</body></html>`,
      );
      await page.goto(`${server.origin}/styled`);
      await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
      const margin = { x: page.viewportSize()!.width - 24, y: page.viewportSize()!.height - 4, width: 2, height: 2 };
      const before = await drawnColour(page, margin);
      const point = await pointOfText(page, 'Vladimir Putin');
      await page.mouse.move(point.x, point.y);
      await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
      await expect.poll(() => shadowUiStyle(page, 'card-frame', 'opacity')).toBe('1');
      await page.waitForTimeout(200);
      const box = (await shadowUiBox(page))!;
      // The card's left padding, halfway down: only its background is drawn there.
      expect(colourDistance(await drawnColour(page, { x: box.x + 4, y: box.y + box.height / 2 - 10, width: 8, height: 20 }), background)).toBeLessThan(8);
      // And no backdrop of the page's over the page around it.
      expect(colourDistance(await drawnColour(page, margin), before)).toBeLessThan(8);
    });
  }

  test('stays open, and the names painted, when only the URL’s fragment changes (a table of contents, a footnote)', async ({ page, server }) => {
    await openDemo(page, server.origin);
    const painted = await paintedMentions(page);
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    const counts = await page.evaluate(async () => {
      const seen: number[] = [];
      location.hash = 'notes';
      for (let i = 0; i < 30; i++) {
        await new Promise((done) => requestAnimationFrame(done));
        seen.push(CSS.highlights.get('backstory-mention')?.size ?? 0);
      }
      return seen;
    });
    expect(Math.min(...counts)).toBe(painted);
    expect(await cardTitle(page)).toBe('Vladimir Putin');
  });

  test('stays open while the page changes something else in its name’s paragraph (a time that ticks)', async ({ page, server }) => {
    const { point } = await hoverPutinAtTop(page, server.origin);
    await page.evaluate(
      ({ x, y }) => {
        const node = document.caretRangeFromPoint(x, y)!.startContainer;
        node.parentElement!.closest('p, h1, h2, li, div')!.append(document.createTextNode(' (updated 1 min ago)'));
      },
      point,
    );
    await page.waitForTimeout(800);
    expect(await cardTitle(page)).toBe('Vladimir Putin');
  });

  test('stays open while the page renders its name’s paragraph again with the same content (a framework’s re-render)', async ({ page, server }) => {
    const { point } = await hoverPutinAtTop(page, server.origin);
    for (let render = 0; render < 2; render++) {
      await page.evaluate(({ x, y }) => {
        const block = document.caretRangeFromPoint(x, y)!.startContainer.parentElement!.closest('p, h1, h2, li, div')!;
        const html = block.innerHTML;
        block.innerHTML = html;
      }, point);
      await page.waitForTimeout(800);
      expect(await cardTitle(page)).toBe('Vladimir Putin');
    }
    // Still the card of the name under the pointer: leaving it closes the card.
    await page.mouse.move(5, page.viewportSize()!.height - 5, { steps: 3 });
    await expect.poll(() => shadowUiBox(page)).toBeNull();
  });

  test('stays open while a long page is read again as a whole (text added right under its body)', async ({ page, server }) => {
    const filler = FILLER.repeat(6_000);
    server.route('/long-changing', `<!doctype html><html lang="en"><body><p>Vladimir Putin spoke.</p>${filler}</body></html>`);
    await page.goto(`${server.origin}/long-changing`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await page.evaluate(() => document.body.append(' John Kirby said so.'));
    await page.waitForTimeout(1500);
    expect(await cardTitle(page)).toBe('Vladimir Putin');
  });

  test('a name inside an open modal dialog gets its card above the dialog, live to the pointer; Escape closes the card, then the dialog', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    const filler = FILLER.repeat(5);
    server.route(
      '/modal',
      `<!doctype html><html lang="en"><body><p>John Kirby spoke.</p>${filler}<button id="open" onclick="document.getElementById('d').showModal()">Open</button>
      <dialog id="d" style="transform:translateX(0);overflow:hidden"><p>In Pyongyang, Vladimir Putin met Kim Jong Un.</p></dialog></body></html>`,
    );
    await page.goto(`${server.origin}/modal`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    await expect.poll(() => shadowUiText(page)).not.toBeNull();
    await page.click('#open');
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const box = (await shadowUiBox(page))!;
    // Drawn above the dialog and its backdrop, and not inert: the pointer reaches it.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x: box.x + 20, y: box.y + 20 });
    expect(hit).toBe('backstory-card');
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 4 });
    await page.waitForTimeout(600);
    expect(await cardTitle(page)).toBe('Vladimir Putin');

    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    expect(await page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).open)).toBe(false);

    // Opened again, the dialog is above the card's host, which the card's next showing must put back on top.
    await page.mouse.move(5, 5);
    await page.click('#open');
    // With no card open, the card's host takes no click in the corner it sits at.
    expect(await page.evaluate(() => document.elementFromPoint(3, 3)?.localName)).not.toBe('backstory-card');
    // A name behind the dialog's backdrop is not one the popup can show the reader.
    expect(await sendToPage(context, extensionId, page, { type: 'page/reveal', entityId: 'john-kirby' })).toMatchObject({ ok: true, revealed: false });
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const reopened = (await shadowUiBox(page))!;
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x: reopened.x + 20, y: reopened.y + 20 })).toBe(
      'backstory-card',
    );
    // The page closes its dialog under the resting pointer, which then goes straight onto a name of the page.
    await page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).close());

    // The dialog closed: a name of the page gets its card over the page again.
    const kirby = await pointOfText(page, 'John Kirby', 0, false);
    await page.mouse.move(kirby.x, kirby.y);
    await expect.poll(() => cardTitle(page)).toBe('John Kirby');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const again = (await shadowUiBox(page))!;
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x: again.x + 20, y: again.y + 20 })).toBe('backstory-card');
  });

  test('Tab past the last control of the card of a name in a modal dialog, with no control after it there, leaves the focus in the dialog, not on the inert page behind it', async ({
    page,
    server,
    serviceWorker,
  }) => {
    server.route(
      '/modal-tab',
      `<!doctype html><html lang="en"><body><p>Weather: sunny.</p><a href="#later">Later</a>
      <dialog id="d"><button id="close">Close</button><p>In Pyongyang, talks went on.</p></dialog><a href="#end">End</a></body></html>`,
    );
    await page.goto(`${server.origin}/modal-tab`);
    await page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).showModal());
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(1);
    await pressShortcut(worker, page);
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
    for (let i = 0; i < 30 && (await shadowUiBox(page)) !== null; i++) await page.keyboard.press('Tab');
    expect(await shadowUiBox(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement !== document.body && document.getElementById('d')!.contains(document.activeElement))).toBe(true);
  });

  test('a page’s open popover stays open while a card shows for a name outside it, and while the reader clicks in the card of a name inside it', async ({
    page,
    server,
  }) => {
    server.route(
      '/page-popover',
      `<!doctype html><html lang="en"><body><p>John Kirby spoke.</p>
      <div id="menu" popover style="margin:200px 0 0 300px"><p>In Pyongyang, Vladimir Putin met Kim Jong Un.</p></div></body></html>`,
    );
    await page.goto(`${server.origin}/page-popover`);
    await expect.poll(() => shadowUiText(page)).not.toBeNull();
    await page.evaluate(() => document.getElementById('menu')!.showPopover());
    const menuOpen = () => page.evaluate(() => document.getElementById('menu')!.matches(':popover-open'));
    const kirby = await pointOfText(page, 'John Kirby', 0, false);
    await page.mouse.move(kirby.x, kirby.y);
    await expect.poll(() => cardTitle(page)).toBe('John Kirby');
    expect(await menuOpen()).toBe(true);

    const putin = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(putin.x, putin.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const box = (await shadowUiBox(page))!;
    await page.mouse.move(box.x + 6, box.y + box.height - 6, { steps: 4 });
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await menuOpen()).toBe(true);
    expect(await cardTitle(page)).toBe('Vladimir Putin');
  });

  test('an embedded frame naming the story loads its card only once the pointer is in it; a card of the page closes as the pointer goes into the frame, whose name opens its own', async ({
    page,
    server,
  }) => {
    const post = (name: string) => `<iframe title="Post about ${name}" srcdoc="<p style='font-size:20px'>${name} was seen today.</p>" style="height:80px"></iframe>`;
    server.route(
      '/embeds',
      // The page's own name below the frames: its card, opening below it, is not on the way up into them.
      `<!doctype html><html lang="en"><body>${post('Kim Jong Un')}${post('John Kirby')}${post('Japan')}<p>Vladimir Putin spoke.</p><div style="height:600px"></div></body></html>`,
    );
    await page.goto(`${server.origin}/embeds`);
    const frames = () => page.frames().filter((frame) => frame !== page.mainFrame());
    const hasCard = (frame: import('@playwright/test').Frame) => frame.evaluate(() => document.querySelector('backstory-card') !== null);
    await expect.poll(async () => (await Promise.all(frames().map((frame) => frame.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)))).join()).toBe('1,1,1');
    // The top frame's card loads in idle time; the frames', only when pointed at.
    await expect.poll(() => hasCard(page.mainFrame())).toBe(true);
    await page.waitForTimeout(500);
    expect(await Promise.all(frames().map(hasCard))).toEqual([false, false, false]);

    // From a card of the page straight into a frame: that card closes, the frame's name opens its own.
    const putin = await pointOfText(page, 'Vladimir Putin', 0, false);
    await page.mouse.move(putin.x, putin.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    const [first] = frames();
    const inFrame = (await first!.evaluate(textPointInPage, { text: 'Kim Jong Un', occurrence: 0, scroll: false }))!;
    const frameBox = (await page.locator('iframe').first().boundingBox())!;
    // One move: the page's last sight of the pointer is on its name.
    await page.mouse.move(frameBox.x + inFrame.x, frameBox.y + inFrame.y);
    await expect.poll(() => cardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    await expect.poll(async () => (await shadowUiTexts(page)).filter((text) => text !== '').length).toBe(1);
    expect(await Promise.all(frames().map(hasCard))).toEqual([true, false, false]);
  });

  test('highlights the page clears from the registry it shares with us come back as soon as the pointer moves', async ({ page, server }) => {
    await openDemo(page, server.origin);
    await expect.poll(() => shadowUiText(page)).not.toBeNull();
    const before = await paintedMentions(page);
    // What an in-page search that clears the registry for its own highlights does.
    await page.evaluate(() => CSS.highlights.clear());
    expect(await paintedMentions(page)).toBe(0);
    await page.mouse.move(5, 5);
    await page.mouse.move(8, 9);
    await expect.poll(() => paintedMentions(page)).toBe(before);
  });

  test('the page keeps its height and its look at its end, with a card shown and closed', async ({ page, server }) => {
    // A dark root under a white body: any line the extension added under the body would show as a dark strip.
    server.route(
      '/page-end',
      `<!doctype html><html lang="en" style="background:#333"><body style="margin:0;background:#fff">` +
        `<p style="margin:0;padding:20px">Kim Jong Un met officials.</p><div style="height:1200px"></div>` +
        `<footer style="height:40px;background:#c00"></footer></body></html>`,
    );
    await page.goto(`${server.origin}/page-end`);
    const pageHeight = () => page.evaluate(() => [document.documentElement.scrollHeight, Math.round(document.body.getBoundingClientRect().height)]);
    const [height, bodyHeight] = await pageHeight();
    expect(height).toBe(bodyHeight);
    await expect.poll(() => page.evaluate(() => document.querySelector('backstory-card') !== null)).toBe(true);
    expect(await pageHeight()).toEqual([height, bodyHeight]);
    const kim = await pointOfText(page, 'Kim Jong Un');
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    expect(await pageHeight()).toEqual([height, bodyHeight]);
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    expect(await pageHeight()).toEqual([height, bodyHeight]);
  });

  test('closes on Escape, and stays closed while the pointer goes on moving on its name, until it left the name', async ({ page, server }) => {
    await hoverOnDemo(page, server.origin, 'John Kirby');
    const point = await pointOfText(page, 'John Kirby', 0, false);
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await page.mouse.move(point.x + 2, point.y);
    await page.waitForTimeout(600);
    expect(await shadowUiBox(page)).toBeNull();
    await page.mouse.move(point.x, point.y + 60);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('John Kirby');
  });

  test('closes on Escape on a page that stops the key’s press at the window before anything else hears of it', async ({ page, server }) => {
    server.route(
      '/escape-stopped',
      `<!doctype html><html lang="en"><head><script>addEventListener('keydown', (event) => event.key === 'Escape' && event.stopImmediatePropagation(), true);</script></head>` +
        `<body><p style="margin:40px">Kim Jong Un met officials.</p></body></html>`,
    );
    await page.goto(`${server.origin}/escape-stopped`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const kim = await pointOfText(page, 'Kim Jong Un');
    await page.mouse.move(kim.x, kim.y, { steps: 2 });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page), { timeout: 2000 }).toBeNull();
  });

  test('a card above its name stays above it as the wheel scrolls the page, for as long as it fits there, and only then goes below', async ({ page, server }) => {
    await page.setViewportSize({ width: 1000, height: 900 });
    server.route(
      '/scrolled-above',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><div style="height:780px"></div>` +
        `<p style="margin:0 40px">Exports from Vietnam rose.</p><div style="height:2000px"></div></body></html>`,
    );
    await page.goto(`${server.origin}/scrolled-above`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    await expect.poll(() => shadowUiText(page)).not.toBeNull();
    // Tapped open: the page scrolling under no pointer leaves it open, wherever the name goes.
    await tap(page, await pointOfText(page, 'Vietnam', 0, false));
    await expect.poll(() => cardTitle(page)).toBe('Vietnam');
    const nameBox = () => page.evaluate(textBoxInPage, { text: 'Vietnam' });
    /** Which side of the name the card stands on, once it has followed the name there. */
    const side = async () => {
      const name = (await nameBox())!;
      const card = await shadowUiBox(page);
      if (!card) return 'closed';
      if (Math.abs(card.y + card.height + 8 - name.y) < 2) return 'above';
      if (Math.abs(card.y - (name.y + name.height + 8)) < 2) return 'below';
      return 'moving';
    };
    await expect.poll(side).toBe('above');
    const height = (await shadowUiBox(page))!.height;
    const sides: string[] = [];
    for (let step = 1; step <= 10; step++) {
      await page.mouse.wheel(0, 60);
      await expect.poll(() => page.evaluate(() => scrollY)).toBe(step * 60);
      await expect.poll(side).not.toBe('moving');
      const now = await side();
      const top = (await nameBox())!.y;
      // Room above it for the card, 8 px from the name and 8 from the screen's edge: there it stays, though it would fit below too.
      if (top >= height + 16 + 2) expect(now, `the name's top at ${top}`).toBe('above');
      else if (top < height + 16 - 2) expect(now, `the name's top at ${top}`).toBe('below');
      sides.push(now);
    }
    // It did go below once the room above ran out.
    expect(sides).toContain('below');
  });

  test('closes when its name scrolls out of view, even with the pointer resting on the card', async ({ page, server }) => {
    const { box } = await hoverPutinAtTop(page, server.origin);
    await page.mouse.move(box.x + 30, box.y + 30, { steps: 3 });
    await page.waitForTimeout(400);
    expect(await cardTitle(page)).toBe('Vladimir Putin');
    await page.evaluate(() => window.scrollBy(0, innerHeight * 2));
    await expect.poll(() => shadowUiBox(page)).toBeNull();
  });

  test('closes when its name scrolls out of a scrolling panel’s view, even with the pointer resting on the card', async ({ page, server }) => {
    const items = ['Japan', 'Ukraine', 'Vietnam', 'China', 'Moscow'].map((name) => `<p style="margin:0;height:40px">${name} news item</p>`);
    server.route(
      '/panel-follow',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><h1 style="margin:0;height:200px">Live updates</h1>
      <div id="panel" style="height:100px;overflow:auto">${items.join('')}</div></body></html>`,
    );
    await page.goto(`${server.origin}/panel-follow`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(1);
    const point = await pointOfText(page, 'Japan', 0, false);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Japan');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const box = (await shadowUiBox(page))!;
    await page.mouse.move(box.x + 30, box.y + 30, { steps: 3 });
    await page.waitForTimeout(400);
    expect(await cardTitle(page)).toBe('Japan');
    // Out of the panel's view, still inside the viewport: above the panel, under the page's heading.
    await page.evaluate(() => (document.getElementById('panel')!.scrollTop = 100));
    expect((await pointOfText(page, 'Japan', 0, false)).y).toBeGreaterThan(0);
    await expect.poll(() => shadowUiBox(page)).toBeNull();
  });

  test('stays whole inside the viewport near every edge, above a sticky header', async ({ page, server }) => {
    await page.goto(`${server.origin}/fixtures/edges.html`);
    await expect.poll(() => paintedMentions(page)).toBe(4);
    const viewport = page.viewportSize()!;
    for (const name of ['Japan', 'Ukraine', 'Vietnam', 'China']) {
      await page.mouse.move(viewport.width / 2, viewport.height / 2);
      await expect.poll(() => shadowUiBox(page)).toBeNull();
      const point = await pointOfText(page, name);
      await page.mouse.move(point.x, point.y);
      await expect.poll(() => cardTitle(page)).toBe(name);
      await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
      const box = (await shadowUiBox(page))!;
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height, name).toBeLessThanOrEqual(viewport.height);
    }
  });

  test('the keyboard command opens the next name in view with focus in the card; Escape gives focus back', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    await openDemo(page, server.origin);
    await page.getByRole('link', { name: 'World' }).focus();
    // The message the Alt+Shift+B command sends (headless Chromium has no toolbar to press it on).
    expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention' })).toMatchObject({
      ok: true,
      revealed: true,
    });
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'Vladimir Putin' });
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button' });
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'World' });

    // Again: the next name after the first.
    await sendToPage(context, extensionId, page, { type: 'page/next-mention' });
    await expect.poll(() => cardTitle(page)).toBe('North Korea');
  });

  test('the keyboard command goes on from where the reader is: the link they tabbed to, the text they clicked into, not the page’s first name', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    server.route(
      '/from-here',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p>${FILLER.repeat(3)}
      <p>Read on: <a href="#more">the talks so far</a>, then the rest.</p><p id="clicked">Some plain text to click into.</p>${FILLER.repeat(3)}
      <p>Kim Jong Un waited.</p>${FILLER.repeat(3)}<p>Pyongyang was quiet.</p>${FILLER.repeat(40)}</body></html>`,
    );
    await page.goto(`${server.origin}/from-here`);
    await expect.poll(() => paintedMentions(page)).toBe(3);
    const next = () => sendToPage(context, extensionId, page, { type: 'page/next-mention', wrap: false });

    // Tabbed to the link between the first name and the second: the second opens.
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'the talks so far' });
    expect(await next()).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    // Escape gives focus back to the link; on from the name the card showed, not from the link again.
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'the talks so far' });
    expect(await next()).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');

    // A click into the text below the link puts the reader there: the next name after it opens.
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    const clicked = await pointOfText(page, 'Some plain text', 0, false);
    await page.mouse.click(clicked.x, clicked.y);
    expect(await next()).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    // Escape gives focus back to the name's place; the caret stayed where the reader put it: on from the name.
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    expect(await next()).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
  });

  test('Escape on the keyboard command’s card gives the focus back to the link the reader tabbed to inside a web component', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    // The document tells only the component's element as focused, which is no control, and takes no focus given back.
    server.route(
      '/component-link',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p><news-box></news-box>${FILLER.repeat(3)}
      <script>customElements.define('news-box', class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>Read on: <a href="#more">the talks so far</a>, then Kim Jong Un waited.</p>';
        }
      });</script></body></html>`,
    );
    await page.goto(`${server.origin}/component-link`);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'the talks so far' });
    expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention', wrap: false })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'Kim Jong Un' });
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'the talks so far' });
  });

  test('the shortcut goes on from the frame the reader is in now: back in the page after a frame’s name, or into another frame', async ({
    page,
    server,
    serviceWorker,
  }) => {
    server.route(
      '/two-tickers',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p>
      <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea and Japan held exercises.</p>" style="width:600px;height:80px"></iframe>
      <p>Read on: <a href="#more">the talks so far</a>.</p><p>Kim Jong Un waited.</p>
      <iframe title="Second ticker" srcdoc="<p id='also'>Also today:</p><p>Pyongyang was quiet.</p>" style="width:600px;height:120px"></iframe></body></html>`,
    );
    await page.goto(`${server.origin}/two-tickers`);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    const [ticker, second] = page.frames().slice(1);
    await expect.poll(() => paintedIn(ticker!)).toBe(2);
    await expect.poll(() => paintedIn(second!)).toBe(1);
    const worker = await serviceWorker();
    const press = () => pressShortcut(worker, page);
    // Each frame's first report reaches the background as its names light up; the walk needs them all.
    await expect.poll(() => framesReported(worker)).toBe(3);

    // The page's name above the ticker, then the ticker's, in the order they stand.
    for (const name of ['Vladimir Putin', 'South Korea']) {
      await press();
      await expect.poll(() => cardTitle(page)).toBe(name);
    }
    // Out of the ticker's card, and on with Tab: out of the ticker, to the page's link below it.
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'the talks so far' });
    await press();
    // The page's next name after the link, not the ticker's next.
    await expect.poll(() => cardTitle(page)).toBe('Kim Jong Un');

    // A click into the second ticker's text: its name next, not the walk on from the page's last one.
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    const also = (await second!.locator('#also').boundingBox())!;
    await page.mouse.click(also.x + 5, also.y + also.height / 2);
    await press();
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
  });

  test('the shortcut at the bottom of a page, past its last name, goes round to the first name at the top, not the last one again', async ({
    page,
    server,
    serviceWorker,
  }) => {
    server.route(
      '/names-top-and-bottom',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif">
      <p>Vladimir Putin arrived.</p>${FILLER.repeat(60)}<p>Kim Jong Un waited.</p><p>South Korea watched.</p></body></html>`,
    );
    await page.goto(`${server.origin}/names-top-and-bottom`);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBeGreaterThan(0);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(1);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    // The names in view first, then round to the top, and on from there.
    await expectShortcutWalk(worker, page, ['Kim Jong Un', 'South Korea', 'Vladimir Putin', 'Kim Jong Un']);
  });

  test('Escape on a card the shortcut opened in the page, coming from a frame’s name, leaves the reader in the page: the next press goes on from that card’s name', async ({
    page,
    server,
    serviceWorker,
  }) => {
    server.route(
      '/ticker-between',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p>
      <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea and Japan held exercises.</p>" style="width:600px;height:80px"></iframe>
      <p>Kim Jong Un waited.</p><p>Russia said nothing.</p></body></html>`,
    );
    await page.goto(`${server.origin}/ticker-between`);
    const ticker = page.frames()[1]!;
    await expect.poll(() => paintedIn(ticker)).toBe(2);
    await expect.poll(() => paintedMentions(page)).toBe(3);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(2);
    await expectShortcutWalk(worker, page, ['Vladimir Putin', 'South Korea', 'Japan', 'Kim Jong Un']);
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    expect(await ticker.evaluate(() => document.hasFocus())).toBe(false);
    await pressShortcut(worker, page);
    await expect.poll(() => cardTitle(page)).toBe('Russia');
  });

  test('the shortcut walks the page in reading order: a live ticker framed above the article’s names comes first, and first again round from the top', async ({
    page,
    server,
    serviceWorker,
  }) => {
    server.route('/ticker-above', tickerAbove(`<p>Vladimir Putin arrived.</p>${FILLER.repeat(8)}<p>Kim Jong Un waited.</p>${FILLER.repeat(40)}`));
    const worker = await serviceWorker();
    await openTickerAbove(page, `${server.origin}/ticker-above`, worker);
    // From the top: the ticker's names, then the article's below it; past its last name, round to the ticker's first.
    await expectShortcutWalk(worker, page, ['South Korea', 'Japan', 'Vladimir Putin', 'Kim Jong Un', 'South Korea']);
    expect(await page.evaluate(() => scrollY)).toBe(0);
  });

  test('presses of the shortcut in quick succession each go on from the card the one before opened, in a frame as in the page', async ({
    page,
    server,
    serviceWorker,
  }) => {
    server.route('/ticker-above-pressed-fast', tickerAbove('<p>Vladimir Putin arrived.</p><p>Kim Jong Un waited.</p>'));
    const worker = await serviceWorker();
    // Each press asks where the reader is: in the ticker once its card has the focus. A press answered before then walked
    // from the top of the page again, most often on a page just loaded, whose frames fetch their cards as the shortcut opens
    // them. Four presses go once round, through the ticker's two names: South Korea, Japan, Vladimir Putin, Kim Jong Un.
    for (let load = 0; load < 3; load++) {
      const ticker = await openTickerAbove(page, `${server.origin}/ticker-above-pressed-fast`, worker);
      const openNames = () => Promise.all([page.mainFrame(), ticker].map((frame) => frame.evaluate(openNameInPage)));
      for (const round of ['from the top', 'once more round']) {
        await pressShortcut(worker, page, 4);
        // A walk gone wrong passes Kim Jong Un too, on its way to another name: it must stay.
        await expect.poll(openNames, `load ${load}, ${round}`).toEqual(['Kim Jong Un', '']);
        await page.waitForTimeout(1000);
        expect(await openNames(), `load ${load}, ${round}, a moment later`).toEqual(['Kim Jong Un', '']);
      }
    }
  });

  test('the shortcut walks embedded frames in the order they stand, not the order they loaded: a frame added above the page’s name later, from another site, comes first', async ({
    context,
    page,
    server,
    serviceWorker,
  }) => {
    const { origin: otherOrigin, close: closeOther } = await serveOtherSite(context, '<!doctype html><html lang="en"><body><p>Upper: Pyongyang was quiet.</p></body></html>');
    server.route(
      '/later-above',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><div id="slot"></div>
      <p>Vladimir Putin arrived.</p>
      <iframe title="Lower" srcdoc="<p>Lower: South Korea held exercises.</p>" style="width:600px;height:80px"></iframe>
      <script>setTimeout(() => document.getElementById('slot').append(Object.assign(document.createElement('iframe'), { title: 'Upper', src: '${otherOrigin}/upper', style: 'width:600px;height:80px' })), 300)</script></body></html>`,
    );
    await page.goto(`${server.origin}/later-above`);
    await expect.poll(() => page.frames().length).toBe(3);
    const [lower, upper] = page.frames().slice(1);
    await expect.poll(() => upper!.url()).toBe(`${otherOrigin}/upper`);
    await expect.poll(() => paintedIn(lower!)).toBe(1);
    await expect.poll(() => paintedIn(upper!)).toBe(1);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(3);
    // The name whose card is open, in each frame: the page's, the lower frame's, the upper one's (another process, which the page's DOM tree leaves out).
    const openNames = () => Promise.all([page.mainFrame(), lower!, upper!].map((frame) => frame.evaluate(openNameInPage)));
    for (const open of [['', '', 'Pyongyang'], ['Vladimir Putin', '', ''], ['', 'South Korea', ''], ['', '', 'Pyongyang']]) {
      await pressShortcut(worker, page);
      await expect.poll(openNames).toEqual(open);
      // A reader presses again once the card shows with the focus in it: a frame's card too, which the page shows over the
      // frame, an 80 px ticker being too small to hold it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('backstory-card');
    }
    await closeOther();
  });

  test('the shortcut walks a frame inside a frame where the outer frame stands among the page’s names', async ({ page, server, serviceWorker }) => {
    server.route(
      '/nested-ticker',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p>
      <iframe title="Widget" srcdoc="<p>Widget, naming nobody.</p><iframe title='Ticker' srcdoc='<p>South Korea held exercises.</p>'></iframe>" style="width:600px;height:200px"></iframe>
      <p>Kim Jong Un waited.</p></body></html>`,
    );
    await page.goto(`${server.origin}/nested-ticker`);
    await expect.poll(() => page.frames().length).toBe(3);
    const inner = page.frames().find((frame) => frame.parentFrame() !== page.mainFrame() && frame !== page.mainFrame())!;
    await expect.poll(() => inner.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBe(1);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(2);
    await expectShortcutWalk(worker, page, ['Vladimir Putin', 'South Korea', 'Kim Jong Un', 'Vladimir Putin']);
  });

  for (const mode of ['closed', 'open'] as const) {
    test(`the shortcut walks a frame a web component holds in its ${mode} shadow root where the component stands among the page’s names`, async ({
      page,
      server,
      serviceWorker,
    }) => {
      const worker = await openClosedTicker(page, server, serviceWorker, mode);
      // The ticker's names between the page's, where the component stands; then round to the top.
      await expectShortcutWalk(worker, page, ['Vladimir Putin', 'South Korea', 'Japan', 'Kim Jong Un', 'Vladimir Putin']);
    });
  }

  // Not yet: a frame of another site in a shadow tree cannot tell where it stands. `window.frames` leaves out the frames of
  // shadow trees, the frame cannot see its element (frameElement is null across origins), and Chromium has no
  // runtime.getFrameId to match a frame id with an element (Firefox has); nothing may be posted, which the pages' scripts
  // would hear. The frame is walked after the page's names: the ticker's name after Kim Jong Un.
  test.fixme('the shortcut walks a frame from another site a web component holds in its closed shadow root where the component stands', async ({
    context,
    page,
    server,
    serviceWorker,
  }) => {
    const { origin: otherOrigin, close: closeOther } = await serveOtherSite(context, '<!doctype html><html lang="en"><body><p>South Korea held exercises.</p></body></html>');
    server.route(
      '/closed-ticker-elsewhere',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p>
      <news-ticker></news-ticker>
      <p>Kim Jong Un waited.</p>
      <script>customElements.define('news-ticker', class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'closed' }).innerHTML = '<iframe title="Live ticker" src="${otherOrigin}/ticker" style="width:600px;height:80px"></iframe>';
        }
      });</script></body></html>`,
    );
    await page.goto(`${server.origin}/closed-ticker-elsewhere`);
    await expect.poll(() => page.frames().length).toBe(2);
    const ticker = page.frames()[1]!;
    await expect.poll(() => ticker.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBe(1);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(2);
    // The ticker in another process: its card is not in the page's DOM tree, so each frame is asked for its open name.
    const openNames = () => Promise.all([page.mainFrame(), ticker].map((frame) => frame.evaluate(openNameInPage)));
    for (const open of [['Vladimir Putin', ''], ['', 'South Korea'], ['Kim Jong Un', '']]) {
      await pressShortcut(worker, page);
      await expect.poll(openNames).toEqual(open);
    }
    await closeOther();
  });

  test('a frame from another site in a web component’s closed shadow root, whose place cannot be told, leaves the other frames of the page their places: a ticker above the article still comes first', async ({
    context,
    page,
    server,
    serviceWorker,
  }) => {
    const { origin: otherOrigin, close: closeOther } = await serveOtherSite(context, '<!doctype html><html lang="en"><body><p>Japan held exercises.</p></body></html>');
    server.route(
      '/ticker-and-widget',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif">
      <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea held exercises.</p>" style="width:600px;height:60px"></iframe>
      <p>Vladimir Putin arrived.</p>
      <news-widget></news-widget>
      <p>Kim Jong Un waited.</p>
      <script>customElements.define('news-widget', class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'closed' }).innerHTML = '<iframe title="Widget" src="${otherOrigin}/widget" style="width:600px;height:60px"></iframe>';
        }
      });</script></body></html>`,
    );
    await page.goto(`${server.origin}/ticker-and-widget`);
    await expect.poll(() => page.frames().length).toBe(3);
    const widget = page.frames().find((frame) => frame.url().startsWith(otherOrigin))!;
    const ticker = page.frames().find((frame) => frame !== widget && frame !== page.mainFrame())!;
    await expect.poll(() => paintedIn(ticker)).toBe(1);
    await expect.poll(() => paintedIn(widget)).toBe(1);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(3);
    // The widget, in another process, keeps its card out of the page's DOM tree: each frame is asked for its open name.
    const openNames = () => Promise.all([page.mainFrame(), ticker, widget].map((frame) => frame.evaluate(openNameInPage)));
    // The ticker where it stands, at the top; the widget after the page's names (see the fixme above).
    for (const open of [['', 'South Korea', ''], ['Vladimir Putin', '', ''], ['Kim Jong Un', '', ''], ['', '', 'Japan']]) {
      await pressShortcut(worker, page);
      await expect.poll(openNames).toEqual(open);
    }
    await closeOther();
  });

  test('the shortcut walks the documents an <object> and an <embed> show where they stand among the page’s names', async ({ page, server, serviceWorker }) => {
    server.route('/korea', '<!doctype html><html lang="en"><body><p>South Korea held exercises.</p></body></html>');
    server.route('/japan', '<!doctype html><html lang="en"><body><p>Japan held exercises.</p></body></html>');
    server.route(
      '/object-and-embed',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p>
      <object data="/korea" type="text/html" style="width:600px;height:60px"></object>
      <p>Kim Jong Un waited.</p>
      <embed src="/japan" type="text/html" style="width:600px;height:60px">
      <p>Russia said nothing.</p></body></html>`,
    );
    await page.goto(`${server.origin}/object-and-embed`);
    await expect.poll(() => page.frames().length).toBe(3);
    for (const frame of page.frames().slice(1)) await expect.poll(() => frame.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBe(1);
    await expect.poll(() => paintedMentions(page)).toBe(3);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(3);
    await expectShortcutWalk(worker, page, ['Vladimir Putin', 'South Korea', 'Kim Jong Un', 'Japan', 'Russia', 'Vladimir Putin']);
  });

  test('a card the shortcut opened in the page closes when the reader clicks into a frame a web component holds in its closed shadow root', async ({
    page,
    server,
    serviceWorker,
  }) => {
    const worker = await openClosedTicker(page, server, serviceWorker);
    // The page's name below the ticker: its card, opening below it, leaves the ticker clear.
    await expectShortcutWalk(worker, page, ['Vladimir Putin', 'South Korea', 'Japan', 'Kim Jong Un']);
    await expect.poll(() => page.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('backstory-card');
    const ticker = page.frames()[1]!;
    const plain = (await ticker.locator('#plain').boundingBox())!;
    await page.mouse.click(plain.x + 5, plain.y + plain.height / 2);
    await expect.poll(() => cardTitle(page)).toBeNull();
    expect(await ticker.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('body');
  });

  // A frame large enough to hold its card: a smaller one's the page shows (small-frame-card.spec.ts).
  test('a card the shortcut opened in an embedded frame closes when the reader clicks into the page around the frame, which keeps the focus', async ({
    page,
    server,
    serviceWorker,
  }) => {
    server.route(
      '/framed-click-away',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p><p>Some plain text to click into.</p>
      <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea and Japan held exercises.</p>" style="width:600px;height:260px"></iframe></body></html>`,
    );
    const ticker = await walkIntoTicker(page, await serviceWorker(), `${server.origin}/framed-click-away`);
    await expect.poll(() => ticker.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('backstory-card');

    const text = await pointOfText(page, 'Some plain text', 0, false);
    await page.mouse.click(text.x, text.y);
    await expect.poll(() => cardTitle(page)).toBeNull();
    // The focus stays where the reader clicked: the card closing does not take it back into the frame.
    expect(await page.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('body');
    expect(await ticker.evaluate(() => document.hasFocus())).toBe(false);
  });

  test('a card the shortcut opened in the page closes when the reader clicks into an embedded frame, which keeps the focus', async ({
    page,
    server,
    serviceWorker,
  }) => {
    server.route(
      '/click-into-frame',
      // The frame above the name: the card, opening below it, does not cover the frame.
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif">
      <iframe title="Live ticker" srcdoc="<p id='plain'>Ticker: plain text to click into.</p><p>South Korea held exercises.</p>" style="width:600px;height:120px"></iframe>
      <p>Vladimir Putin arrived.</p><div style="height:600px"></div></body></html>`,
    );
    await page.goto(`${server.origin}/click-into-frame`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const ticker = page.frames()[1]!;
    await expect.poll(() => ticker.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBe(1);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(2);
    // In reading order: the ticker's name above, then the page's.
    await expectShortcutWalk(worker, page, ['South Korea', 'Vladimir Putin']);
    await expect.poll(() => page.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('backstory-card');

    const plain = (await ticker.locator('#plain').boundingBox())!;
    await page.mouse.click(plain.x + 5, plain.y + plain.height / 2);
    await expect.poll(() => cardTitle(page)).toBeNull();
    // The focus stays in the frame, where the reader clicked.
    expect(await ticker.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('body');
  });

  // A frame large enough to hold its card, as above.
  test('a card the shortcut opened in an embedded frame stays open while the reader is in another tab, and is there when they come back', async ({
    context,
    page,
    server,
    serviceWorker,
  }) => {
    server.route(
      '/framed-away',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p>
      <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea and Japan held exercises.</p>" style="width:600px;height:260px"></iframe></body></html>`,
    );
    const ticker = await walkIntoTicker(page, await serviceWorker(), `${server.origin}/framed-away`);
    // Playwright has every page of headless Chromium keep its focus: this one loses it to another tab, as in a reader's browser.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await page.bringToFront();
    await expect.poll(() => ticker.evaluate(() => document.hasFocus())).toBe(true);

    const other = await context.newPage();
    await other.goto(`${server.origin}/framed-away`);
    await other.bringToFront();
    // The frame's window lost the focus (its blur came), and no document of its tab has it.
    await expect.poll(() => ticker.evaluate(() => document.hasFocus())).toBe(false);
    expect(await page.evaluate(() => document.hasFocus())).toBe(false);
    await page.waitForTimeout(1000);
    expect(await cardTitle(page)).toBe('South Korea');

    await page.bringToFront();
    await expect.poll(() => ticker.evaluate(() => document.hasFocus())).toBe(true);
    await page.waitForTimeout(300);
    expect(await cardTitle(page)).toBe('South Korea');
    await cdp.detach();
  });

  test('a card hovered open in an embedded frame closes as the pointer leaves the frame for the page', async ({ page, server }) => {
    server.route(
      '/framed-hover',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Some plain text to rest on.</p>
      <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea and Japan held exercises.</p>" style="width:600px;height:120px"></iframe></body></html>`,
    );
    await page.goto(`${server.origin}/framed-hover`);
    const ticker = page.frames()[1]!;
    await expect.poll(() => paintedIn(ticker)).toBe(2);
    const frameBox = (await page.locator('iframe').boundingBox())!;
    const korea = (await ticker.evaluate(textPointInPage, { text: 'South Korea', occurrence: 0, scroll: false }))!;
    await page.mouse.move(frameBox.x + korea.x, frameBox.y + korea.y);
    await expect.poll(() => cardTitle(page), { timeout: 5000 }).toBe('South Korea');
    const text = await pointOfText(page, 'Some plain text', 0, false);
    await page.mouse.move(text.x, text.y);
    await expect.poll(() => cardTitle(page), { timeout: 3000 }).toBeNull();
  });

  test('the keyboard command passes over a name under a sticky header or cut by the screen’s edge, and leaves the page where it is', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    server.route(
      '/sticky',
      `<!doctype html><html lang="en"><head><style>header{position:sticky;top:0;height:60px;background:#fff;border-bottom:1px solid}p{margin:0;line-height:20px}</style></head>
      <body><header>The Daily</header>${FILLER.repeat(30)}<p>Vladimir Putin arrived.</p>${FILLER.repeat(4)}<p>Pyongyang waited.</p>${FILLER.repeat(60)}</body></html>`,
    );
    await page.goto(`${server.origin}/sticky`);
    // Putin's line under the header, Pyongyang's in plain view below it.
    const putin = await pointOfText(page, 'Vladimir Putin', 0, false);
    await page.evaluate((dy) => scrollBy(0, dy), putin.y - 30);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    const scrolled = await page.evaluate(() => scrollY);
    expect((await pointOfText(page, 'Vladimir Putin', 0, false)).y).toBeLessThan(60);
    expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention' })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);

    // Without the header: a name whose line shows only its last pixels at the top edge is passed over the same way.
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelector('header')!.remove());
    const top = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((element) => element.textContent!.includes('Putin'))!;
      return p.getBoundingClientRect().top + scrollY;
    });
    await page.evaluate((y) => scrollTo(0, y + 16), top);
    const sliver = await page.evaluate(() => scrollY);
    expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention', fromStart: true })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
    expect(await page.evaluate(() => scrollY)).toBe(sliver);
  });

  test('a card the keyboard opened follows its name, and closes once the name scrolls under a sticky header', async ({ context, page, server, extensionId }) => {
    server.route(
      '/sticky-follow',
      `<!doctype html><html lang="en"><head><style>header{position:sticky;top:0;height:60px;background:#fff;border-bottom:1px solid}p{margin:0;line-height:20px}</style></head>
      <body><header>The Daily</header>${FILLER.repeat(10)}<p>Pyongyang waited.</p>${FILLER.repeat(80)}</body></html>`,
    );
    await page.goto(`${server.origin}/sticky-follow`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention' })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const nameAt = async () => (await pointOfText(page, 'Pyongyang', 0, false)).y;
    // Scrolled a little: still in plain view below the header, the card goes with it.
    const before = (await shadowUiBox(page))!.y;
    const first = await nameAt();
    await page.evaluate(() => scrollBy(0, 80));
    expect(await nameAt()).toBe(first - 80);
    await expect.poll(async () => (await shadowUiBox(page))?.y ?? 0).toBeLessThan(before - 30);
    // Under the header, which the reader sees instead of the name: the card no longer points at anything.
    await page.evaluate(async (y) => scrollBy(0, y - 30), await nameAt());
    expect(await nameAt()).toBeGreaterThan(0);
    expect(await nameAt()).toBeLessThan(60);
    await expect.poll(() => shadowUiBox(page)).toBeNull();
  });

  test('the keyboard command and the popup reach the names a scrolling panel hides: the panel brings each into its view, the page stays where it is', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    const items = ['Japan', 'Ukraine', 'Vietnam', 'China', 'Moscow'];
    const filler = FILLER.repeat(60);
    server.route(
      '/panel',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><h1 style="margin:0;height:40px">Live updates</h1>
      <div id="panel" style="height:100px;overflow:auto;border:1px solid">${items.map((name) => `<p style="margin:0;height:40px">${name} news item</p>`).join('')}</div>
      ${filler}<p>Pyongyang waited.</p>${filler}</body></html>`,
    );
    await page.goto(`${server.origin}/panel`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(1);
    // Whether `name`, in its item, is wholly inside the panel's visible part, and the panel where the window shows it.
    const shownInPanel = (name: string) =>
      page.evaluate((name) => {
        const panel = document.getElementById('panel')!;
        const item = [...panel.children].find((element) => element.textContent!.startsWith(name))!;
        const range = document.createRange();
        range.setStart(item.firstChild!, 0);
        range.setEnd(item.firstChild!, name.length);
        const outer = panel.getBoundingClientRect();
        const inner = range.getBoundingClientRect();
        return inner.top >= outer.top && inner.bottom <= outer.bottom && outer.top >= 0 && outer.bottom <= innerHeight;
      }, name);
    for (const name of items) {
      expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention', wrap: false })).toMatchObject({ ok: true, revealed: true });
      await expect.poll(() => cardTitle(page)).toBe(name);
      expect(await shownInPanel(name), name).toBe(true);
      expect(await page.evaluate(() => scrollY), name).toBe(0);
    }
    // On from the panel's last name: the page's next one, below the fold.
    expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention', wrap: false })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Pyongyang');

    // The popup's list: a name only the panel's hidden part holds is shown in the panel too.
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      scrollTo(0, 0);
      document.getElementById('panel')!.scrollTop = 0;
    });
    expect(await sendToPage(context, extensionId, page, { type: 'page/reveal', entityId: 'moscow' })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => cardTitle(page)).toBe('Moscow');
    expect(await shownInPanel('Moscow')).toBe(true);
  });

  test('a card the keyboard opened, with nothing focused before, gives focus back to its name’s place: after Escape or Shift+Tab out, the next Tab goes on from the name; Tab out goes on itself', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    const filler = FILLER.repeat(40);
    server.route(
      '/places',
      `<!doctype html><html lang="en"><body><nav><a href="#top">Top of the page</a></nav>${filler}
      <p>Vladimir Putin arrived. <a href="#next">The next link</a></p>${filler}<footer><a href="#foot">Privacy policy</a></footer></body></html>`,
    );
    await page.goto(`${server.origin}/places`);
    await pointOfText(page, 'Vladimir Putin');
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const scrolled = await page.evaluate(() => scrollY);
    const open = async () => {
      expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention', fromStart: true })).toMatchObject({ ok: true, revealed: true });
      await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'Vladimir Putin' });
    };
    const linkFocused = () => page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? document.activeElement.textContent : null));

    await open();
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await page.keyboard.press('Tab');
    await expect.poll(linkFocused).toBe('The next link');
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);

    // Shift+Tab from the card closes it: the page does not jump to its footer.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await open();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    await page.keyboard.press('Tab');
    await expect.poll(linkFocused).toBe('The next link');

    // Tab past the card's last control closes it and goes on to the page's next control after the name, as from a card
    // standing in the page right after its name; not back to the name, which had the reader press Tab again.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await open();
    for (let i = 0; i < 60 && (await shadowUiBox(page)); i++) await page.keyboard.press('Tab');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await expect.poll(linkFocused).toBe('The next link');
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  });

  test('Tab past the last control of a card the keyboard opened goes on to the control right after its name: not back to the link the reader left, nor to one earlier in its paragraph', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    server.route(
      '/after-the-name',
      `<!doctype html><html lang="en"><body><nav><a href="#top">Top of the page</a></nav>
      <p><a href="#earlier">An earlier link</a> in the paragraph, and then Vladimir Putin arrived. <a href="#next">The next link</a></p>
      <p><a href="#later">A later link</a></p></body></html>`,
    );
    await page.goto(`${server.origin}/after-the-name`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    await page.getByRole('link', { name: 'Top of the page' }).focus();
    expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention' })).toMatchObject({ ok: true, revealed: true });
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'Vladimir Putin' });
    for (let i = 0; i < 60 && (await shadowUiBox(page)); i++) await page.keyboard.press('Tab');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'The next link' });
    // A ring where it landed, as the browser's own Tab draws.
    expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'A later link' });
  });

  test('a card the keyboard opened, kept open as the page writes its name’s paragraph anew, goes on from the name as written now: Tab out to the new link after it, Escape to the new name’s place', async ({
    context,
    page,
    server,
    extensionId,
  }) => {
    server.route(
      '/rendered-again',
      `<!doctype html><html lang="en"><body><nav><a href="#top">Top of the page</a></nav>
      <p id="story">Then <a href="#putin">Vladimir Putin</a> arrived. <a href="#next">The next link</a></p>
      <p><a href="#later">A later link</a></p></body></html>`,
    );
    await page.goto(`${server.origin}/rendered-again`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const renderAgain = async () => {
      // As a framework renders it again: the same content, new nodes; the old ones are out of the page.
      await page.evaluate(() => {
        const story = document.getElementById('story')!;
        const html = story.innerHTML;
        story.innerHTML = html;
      });
      // Read again: the name painted is the one in the page now.
      await expect
        .poll(() => page.evaluate(() => [...(CSS.highlights.get('backstory-mention') ?? [])].map((range) => (range as Range).startContainer.isConnected)))
        .toEqual([true]);
      expect(await cardTitle(page)).toBe('Vladimir Putin');
    };
    const open = async () => {
      expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention', fromStart: true })).toMatchObject({ ok: true, revealed: true });
      await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'Vladimir Putin' });
    };

    await open();
    await renderAgain();
    for (let i = 0; i < 60 && (await shadowUiBox(page)); i++) await page.keyboard.press('Tab');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'The next link' });

    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await open();
    await renderAgain();
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    // Back on the name's link as the page wrote it, the one in the page now.
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'link', name: 'Vladimir Putin' });
    expect(await page.evaluate(() => document.activeElement!.isConnected && document.getElementById('story')!.contains(document.activeElement))).toBe(true);
  });

  for (const [what, wrapper] of [
    ['a main element a skip link focuses', '<main id="content" tabindex="-1">'],
    ['a scrolling region made focusable for the keyboard', '<main tabindex="0" style="height:100vh;overflow:auto">'],
  ]) {
    test(`a card the keyboard opened gives focus back to its name’s place inside ${what}, not to its start`, async ({ context, page, server, extensionId }) => {
      const filler = FILLER.repeat(40);
      server.route(
        '/in-main',
        `<!doctype html><html lang="en"><body>${wrapper}<p><a href="#top">Top of the article</a></p>${filler}
        <p>Vladimir Putin arrived. <a href="#next">The next link</a></p>${filler}</main></body></html>`,
      );
      await page.goto(`${server.origin}/in-main`);
      await pointOfText(page, 'Vladimir Putin');
      await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
      const scrolled = () => page.evaluate(() => scrollY + document.querySelector('main')!.scrollTop);
      const before = await scrolled();
      expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention', fromStart: true })).toMatchObject({ ok: true, revealed: true });
      await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'Vladimir Putin' });
      await page.keyboard.press('Escape');
      await expect.poll(() => shadowUiBox(page)).toBeNull();
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('The next link');
      expect(await scrolled()).toBe(before);
    });
  }

  test('a hovered card the reader clicked into (a source button) gives focus back to its name’s place on Escape: the next Tab goes on from the name, not out of the page', async ({
    page,
    server,
  }) => {
    const filler = FILLER.repeat(40);
    server.route(
      '/clicked-in',
      `<!doctype html><html lang="en"><body><nav><a href="#top">Top of the page</a></nav>${filler}
      <p>Vladimir Putin arrived. <a href="#next">The next link</a></p>${filler}</body></html>`,
    );
    await page.goto(`${server.origin}/clicked-in`);
    const point = await pointOfText(page, 'Vladimir Putin');
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    await clickShadowUiButton(page, '¶1');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button' });
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('The next link');
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  });

  test('another name hovered after a source clicked in the card keeps the focus in the card, never on the page’s body; Escape gives it back to that name’s place', async ({
    page,
    server,
  }) => {
    const filler = FILLER.repeat(40);
    // Putin's name above Kirby's: Kirby's card opens below his name, and the pointer reaches Putin's without crossing it.
    server.route(
      '/source-then-hover',
      `<!doctype html><html lang="en"><body><nav><a href="#top">Top of the page</a></nav>
      <p style="margin-top:100px">Vladimir Putin arrived. <a href="#putin">The first link</a></p>
      <p style="margin-top:60px">John Kirby spoke. <a href="#kirby">The second link</a></p>${filler}</body></html>`,
    );
    await page.goto(`${server.origin}/source-then-hover`);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    const kirby = await pointOfText(page, 'John Kirby', 0, false);
    const putin = await pointOfText(page, 'Vladimir Putin', 0, false);
    await page.mouse.move(kirby.x, kirby.y);
    await expect.poll(() => cardTitle(page)).toBe('John Kirby');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    await clickShadowUiButton(page, '¶7');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button', name: 'Source: paragraph 7 of the article' });
    // Where the focus is at every frame and every millisecond of the change: a screen reader announces <body> too.
    await page.evaluate(() => {
      const seen = new Set<string | undefined>();
      Object.assign(window, { focusSeen: seen });
      const look = () => seen.add(document.activeElement?.localName);
      const frame = () => {
        look();
        requestAnimationFrame(frame);
      };
      frame();
      setInterval(look, 1);
    });
    await page.mouse.move(putin.x, putin.y, { steps: 5 });
    await expect.poll(() => cardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'Vladimir Putin' });
    expect(await page.evaluate(() => [...(window as unknown as { focusSeen: Set<string> }).focusSeen])).toEqual(['backstory-card']);
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('The first link');
  });

  // From a link at the top too: the walk left it off screen, and focus given back there would be unseen, far from the reader.
  for (const from of ['nothing focused', 'a link the walk leaves off screen focused'] as const) {
    test(`walking on from name to name with the keyboard, with ${from} before, Escape gives focus to the last name’s place, not the first’s`, async ({
      context,
      page,
      server,
      extensionId,
    }) => {
      const filler = FILLER.repeat(40);
      server.route(
        '/walk',
        `<!doctype html><html lang="en"><body><nav><a href="#top">The byline link</a></nav><p>Vladimir Putin arrived. <a href="#one">The first link</a></p>${filler}
        <p>Kim Jong Un waited. <a href="#two">The second link</a></p>${filler}</body></html>`,
      );
      await page.goto(`${server.origin}/walk`);
      await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
      if (from !== 'nothing focused') await page.getByRole('link', { name: 'The byline link' }).focus();
      for (const name of ['Vladimir Putin', 'Kim Jong Un']) {
        expect(await sendToPage(context, extensionId, page, { type: 'page/next-mention', wrap: false })).toMatchObject({ ok: true, revealed: true });
        await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name });
      }
      const scrolled = await page.evaluate(() => scrollY);
      expect(scrolled).toBeGreaterThan(300);
      await page.keyboard.press('Escape');
      await expect.poll(() => shadowUiBox(page)).toBeNull();
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('The second link');
      expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    });
  }

  test('a source opened at the card’s bottom edge scrolls the card to show its sentence, the source still in view', async ({ page, server }) => {
    await hoverPutinAtTop(page, server.origin);
    // A source halfway down the card, scrolled to just above the card's bottom edge, with more card below it.
    const at = await shadowUiCall<{ x: number; y: number }>(
      page,
      'card-frame',
      `function () {
        const buttons = [...this.querySelectorAll('button.citation')];
        const button = buttons[Math.floor(buttons.length / 2)];
        this.scrollTop += button.getBoundingClientRect().bottom - (this.getBoundingClientRect().bottom - 20);
        const box = button.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }`,
    );
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.mouse.click(at.x, at.y);
    const shown = () =>
      shadowUiCall<{ quote: boolean; button: boolean }>(
        page,
        'card-frame',
        `function () {
          const card = this.getBoundingClientRect();
          const button = [...this.querySelectorAll('button.citation')].find((b) => b.getAttribute('aria-expanded') === 'true');
          const quote = button.nextElementSibling.getBoundingClientRect();
          const own = button.getBoundingClientRect();
          return { quote: quote.top >= card.top && quote.bottom <= card.bottom, button: own.top >= card.top && own.bottom <= card.bottom };
        }`,
      );
    await expect.poll(shown).toEqual({ quote: true, button: true });
    expect(await page.evaluate(() => scrollY)).toBe(0);
  });

  test('a card with more than it shows fades out at its bottom edge until the reader scrolls to its end; one that fits does not', async ({ page, server }) => {
    await hoverPutinAtTop(page, server.origin);
    const fade = () =>
      shadowUiCall<{ more: boolean; fades: boolean; sticky: boolean }>(
        page,
        'card-frame',
        `function () {
          const after = getComputedStyle(this, '::after');
          return { more: this.scrollTop + this.clientHeight < this.scrollHeight - 1, fades: after.content !== 'none' && after.backgroundImage.includes('gradient'), sticky: after.position === 'sticky' };
        }`,
      );
    await expect.poll(fade).toEqual({ more: true, fades: true, sticky: true });
    // The wheel over the card, to its end: nothing more to show.
    const box = (await shadowUiBox(page))!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await page.mouse.wheel(0, 5000);
    await expect.poll(async () => (await fade()).fades).toBe(false);
    expect((await fade()).more).toBe(false);
    await page.mouse.wheel(0, -200);
    await expect.poll(fade).toEqual({ more: true, fades: true, sticky: true });

    await page.mouse.move(5, 5);
    await hoverOnDemo(page, server.origin, 'John Kirby');
    expect(await shadowUiCall<boolean>(page, 'card-frame', 'function () { return this.scrollHeight > this.clientHeight; }')).toBe(false);
    expect((await fade()).fades).toBe(false);
  });

  test('a control the keyboard reaches in a long card is never left under its fade: the card scrolls it clear', async ({ page, server }) => {
    await hoverPutinAtTop(page, server.origin);
    await shadowUiCall(page, 'card-frame', 'function () { this.focus(); }');
    const place = () =>
      shadowUiCall<{ more: boolean; bottom: number; fadeTop: number } | null>(
        page,
        'card-frame',
        `function () {
          const focused = this.getRootNode().activeElement;
          if (!focused || focused === this) return null;
          const frame = this.getBoundingClientRect();
          const fade = 2.5 * parseFloat(getComputedStyle(this).fontSize);
          return { more: this.scrollTop + this.clientHeight < this.scrollHeight - 1, bottom: focused.getBoundingClientRect().bottom, fadeTop: frame.bottom - fade };
        }`,
      );
    let checked = 0;
    // Until Tab leaves the card, which closes it.
    for (let stop = 0; (await shadowUiBox(page)) !== null && stop < 60; stop++) {
      await page.keyboard.press('Tab');
      const at = await place().catch(() => null);
      if (!at?.more) continue;
      checked++;
      expect(at.bottom, `Tab stop ${stop + 1}`).toBeLessThanOrEqual(at.fadeTop + 2);
    }
    expect(checked).toBeGreaterThan(5);
  });

  test('a related name opens its own card, and the story summary unfolds', async ({ page, server }) => {
    await hoverOnDemo(page, server.origin, 'John Kirby');
    expect(await shadowUiText(page)).not.toContain('Key points');

    await clickShadowUiButton(page, '¶7');
    await expect.poll(() => shadowUiText(page)).toContain(
      'John Kirby of the U.S. National Security Council expressed concern',
    );
    await clickShadowUiButton(page, 'About the story');
    await expect.poll(() => shadowUiText(page)).toContain('Both countries face heavy sanctions');

    await clickShadowUiButton(page, 'U.S. National Security Council');
    await expect.poll(() => cardTitle(page)).toBe('U.S. National Security Council');
    // By John Kirby's name still: the card says so, and goes back.
    const card = (await shadowUiBox(page))!;
    const back = (await shadowUiBox(page, 'card-back'))!;
    expect(back.y).toBeGreaterThanOrEqual(card.y);
    expect(back.y).toBeLessThan((await shadowUiBox(page, 'card-title'))!.y);
    await clickShadowUiButton(page, '← Back to John Kirby');
    await expect.poll(() => cardTitle(page)).toBe('John Kirby');
    expect(await shadowUiBox(page, 'card-back')).toBeNull();
  });

  test('the line under a name opens the sentence it is said in: Pyongyang’s, which no fact repeats', async ({ page, server }) => {
    await hoverOnDemo(page, server.origin, 'Pyongyang');
    const sentence = 'His comments were published in North Korean state media as he headed to Pyongyang for a summit with Kim Jong Un on Tuesday.';
    expect(await shadowUiText(page)).toContain('where Putin headed for a summit with Kim Jong Un');
    expect(await shadowUiText(page)).not.toContain(sentence);
    // The first ¶1 of the card: the line's, in its header, before the facts' own.
    await clickShadowUiButton(page, '¶1');
    await expect.poll(() => shadowUiText(page)).toContain(`where Putin headed for a summit with Kim Jong Un ¶1 ${sentence}`);
  });

  test('a card above its name grows upwards as “About the story” unfolds, and stays where it is as the pointer moves in it', async ({ page, server }) => {
    await openDemo(page, server.origin);
    // Japan's card opens above its name, with little room below it: unfolded, the story makes it taller than that room.
    const point = await pointOfText(page, 'Japan');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('Japan');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    expect((await shadowUiBox(page))!.y).toBeLessThan(point.y);
    const folded = (await shadowUiBox(page))!;
    await clickShadowUiButton(page, 'About the story');
    await expect.poll(() => shadowUiText(page)).toContain('Both countries face heavy sanctions');
    // Taller, it grows upwards from where its bottom stood: placed by its top edge, it grew down over Japan's name.
    await expect.poll(async () => (await shadowUiBox(page))!.height).toBeGreaterThan(folded.height + 20);
    await expect.poll(async () => Math.round((await shadowUiBox(page))!.y + (await shadowUiBox(page))!.height)).toBe(Math.round(folded.y + folded.height));
    expect(folded.y + folded.height).toBeLessThan(point.y);
    const unfolded = (await shadowUiBox(page))!;
    const inCard = { x: unfolded.x + unfolded.width / 2, y: unfolded.y + unfolded.height - 40 };
    await page.mouse.move(inCard.x, inCard.y, { steps: 3 });
    await page.mouse.move(inCard.x + 30, inCard.y - 5, { steps: 3 });
    await page.waitForTimeout(300);
    expect(await cardTitle(page)).toBe('Japan');
    expect(await shadowUiBox(page)).toEqual(unfolded);
  });

  test('a card too long for the screen says which story it is from where it opens, not below its facts: “on Tuesday” is the story’s Tuesday', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    // North Korea's card is the longest: its facts fill the screen, "on Tuesday" and "Recent incidents" among them.
    await northKoreaCard(context, extensionId, page, server.origin);
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    const card = (await shadowUiBox(page))!;
    const source = (await shadowUiBox(page, 'story-source'))!;
    expect(source).not.toBeNull();
    expect(source.y).toBeGreaterThanOrEqual(card.y);
    expect(source.y + source.height, 'the story line is in sight without scrolling the card').toBeLessThanOrEqual(card.y + card.height);
    // One line, not the three the headline takes in a card's width: cut short, in full under "About the story".
    const line = await shadowUiCall<{ lineHeight: number; cut: boolean }>(
      page,
      'story-source',
      `function () { return { lineHeight: parseFloat(getComputedStyle(this).lineHeight), cut: this.scrollWidth > this.clientWidth }; }`,
    );
    expect(source.height).toBeLessThanOrEqual(line.lineHeight + 1);
    expect(line.cut).toBe(true);
    await clickShadowUiButton(page, 'About the story');
    await expect.poll(async () => (await shadowUiBox(page, 'story-headline'))?.height ?? 0).toBeGreaterThan(line.lineHeight * 1.5);
    await expect.poll(() => shadowUiText(page)).toContain(HEADLINE);
  });

  test('the card holding the focus draws its ring outside its border in forced colours, in the system’s highlight colour, and as before otherwise', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    await openDemo(page, server.origin);
    await sendToPage(context, extensionId, page, { type: 'page/reveal', entityId: 'north-korea' });
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'North Korea' });
    const style = async () => {
      const read = (property: string) => shadowUiStyle(page, 'card-frame', property);
      return {
        outline: `${await read('outline-style')} ${await read('outline-width')} ${await read('outline-color')}`,
        offset: parseFloat((await read('outline-offset'))!),
        border: `${await read('border-top-width')} ${await read('border-top-color')}`,
      };
    };
    // Along its rounded edge, over its 1px border, in the card's own blue.
    expect(await style()).toEqual({ outline: 'solid 2px rgb(26, 95, 208)', offset: -1, border: '1px rgb(217, 220, 227)' });
    await page.emulateMedia({ forcedColors: 'active' });
    const system = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      const colour = (keyword: string) => ((probe.style.color = keyword), getComputedStyle(probe).color);
      const colours = { highlight: colour('Highlight'), text: colour('CanvasText') };
      probe.remove();
      return colours;
    });
    expect(system.highlight).not.toBe(system.text);
    // Laid over the 2px border forced colours give the card, in the border's colour, the ring could not be seen.
    const forced = await style();
    expect(forced.border).toBe(`2px ${system.text}`);
    expect(forced.outline).toBe(`solid 2px ${system.highlight}`);
    expect(forced.offset).toBeGreaterThanOrEqual(1);
  });

  test('a fact holding a long word or an address with no space in it wraps inside the card, which never scrolls sideways', async ({
    context,
    extensionId,
    page,
    server,
  }) => {
    await northKoreaCard(context, extensionId, page, server.origin);
    // A next story's fact might quote an address: written into this card's first fact, as a pack would bring it.
    const sideways = await shadowUiCall<{ scroll: number; textWidth: number; frameWidth: number }>(
      page,
      'card-frame',
      `function () {
        const text = this.querySelector('.fact-text');
        // Chromium breaks an address after its slashes; a word has nowhere to break (a hashtag, a name in another script's run).
        text.textContent += ' https://www.example.org/news/2024/06/18/putin-pyongyang-visit #PutinKimSummitPyongyangJune2024NorthKoreaRussiaPartnership';
        return { scroll: this.scrollWidth - this.clientWidth, textWidth: text.getBoundingClientRect().width, frameWidth: this.clientWidth };
      }`,
    );
    expect(sideways.scroll).toBe(0);
    expect(sideways.textWidth).toBeLessThanOrEqual(sideways.frameWidth);
  });

  test('the sanctions line stands apart from the facts in forced colours too, framed where its background is taken away', async ({ context, extensionId, page, server }) => {
    await northKoreaCard(context, extensionId, page, server.origin);
    expect(await shadowUiText(page)).toContain('Sanctioned');
    await page.emulateMedia({ forcedColors: 'active' });
    const text = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = 'CanvasText';
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
    expect(await shadowUiStyle(page, 'sanctions-badge', 'border-top-style')).toBe('solid');
    expect(await shadowUiStyle(page, 'sanctions-badge', 'border-top-color')).toBe(text);
    await page.emulateMedia({ forcedColors: 'none' });
    // Otherwise its background sets it apart, and the border does not show.
    expect(await shadowUiStyle(page, 'sanctions-badge', 'border-top-color')).toBe('rgba(0, 0, 0, 0)');
  });

  test('a related name clicked in a hovered card puts keyboard focus in that name’s card, and Escape gives it back to the hovered name’s place', async ({
    page,
    server,
  }) => {
    const filler = FILLER.repeat(40);
    server.route(
      '/related-focus',
      `<!doctype html><html lang="en"><body><nav><a href="#top">Top of the page</a></nav>${filler}
      <p>John Kirby spoke. <a href="#next">The next link</a></p>${filler}</body></html>`,
    );
    await page.goto(`${server.origin}/related-focus`);
    const point = await pointOfText(page, 'John Kirby');
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardTitle(page)).toBe('John Kirby');
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    await clickShadowUiButton(page, 'U.S. National Security Council');
    await expect.poll(() => cardTitle(page)).toBe('U.S. National Security Council');
    // The button clicked went with John Kirby's card: focus lands on the card now shown, not nowhere.
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'dialog', name: 'U.S. National Security Council' });
    // Clicked with the mouse: the card that took the focus draws no ring, as a clicked button draws none.
    expect(await shadowUiStyle(page, 'card-frame', 'outline-style')).toBe('none');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button' });
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiBox(page)).toBeNull();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('The next link');
  });

  test('the way back from a related name’s card is read out as its words, not as the arrow drawn before them', async ({ page, server }) => {
    await hoverOnDemo(page, server.origin, 'John Kirby');
    await clickShadowUiButton(page, 'U.S. National Security Council');
    await expect.poll(() => cardTitle(page)).toBe('U.S. National Security Council');
    const nodes = await accessibilityNodes(page);
    const buttons = nodes.filter((node) => !node.ignored && node.role?.value === 'button').map((node) => node.name?.value);
    // Screen readers speak "←" as "left arrow": the arrow is the eye's, the words the listener's.
    expect(buttons).toContain('Back to John Kirby');
    expect(buttons.filter((name) => name?.includes('←'))).toEqual([]);
    // The card is its dialog: the popover holding it in the top layer is no unnamed group around it.
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const around: string[] = [];
    for (let node = nodes.find((n) => n.role?.value === 'dialog'); node?.parentId; node = byId.get(node.parentId)) {
      const parent = byId.get(node.parentId)!;
      if (!parent.ignored && parent.role?.value !== 'generic') around.push(`${parent.role?.value} "${parent.name?.value ?? ''}"`);
    }
    expect(around).toEqual([`RootWebArea "${await page.title()}"`]);
    // Its headings, drawn in capitals, are read as written, in their words too: Chromium hands a screen reader the
    // capitals text-transform makes, which it may spell out.
    const said = nodes.filter((node) => !node.ignored && node.role?.value === 'StaticText').map((node) => String(node.name?.value));
    expect(said).toContain('Related');
    expect(said.filter((name) => /^[A-Z ]{5,}$/.test(name))).toEqual([]);
  });

  test('the card’s “From the story” line is read once, in full: its headline is not its description as well', async ({ page, server }) => {
    await hoverOnDemo(page, server.origin, 'John Kirby');
    const nodes = await accessibilityNodes(page);
    const shown = nodes.filter((node) => !node.ignored);
    // Cut short on screen, whole to a screen reader.
    expect(shown.filter((node) => node.role?.value === 'StaticText').map((node) => node.name?.value)).toContain(`From the story “${HEADLINE}”`);
    // A screen reader that reads descriptions read the line, then the headline again from its tooltip.
    expect(shown.filter((node) => node.description?.value.includes(HEADLINE)).map((node) => node.role?.value)).toEqual([]);
  });

  test('nothing in the card is read twice: no part of it is described by the words it says, its sources “word for word” included', async ({ page, server }) => {
    await hoverOnDemo(page, server.origin, 'John Kirby');
    // The story's key points have sources that are their sentences word for word.
    await clickShadowUiButton(page, 'About the story');
    await expect.poll(() => shadowUiText(page)).toContain('Both countries face heavy sanctions');
    const nodes = await accessibilityNodes(page);
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const said = (node: AxNode): string =>
      node.role?.value === 'StaticText' ? (node.name?.value ?? '') : (node.childIds ?? []).map((id) => said(byId.get(id)!)).join(' ');
    const dialog = nodes.find((node) => node.role?.value === 'dialog')!;
    const inCard: AxNode[] = [];
    const walk = (node: AxNode) => {
      inCard.push(node);
      for (const id of node.childIds ?? []) walk(byId.get(id)!);
    };
    walk(dialog);
    const described = inCard.filter((node) => !node.ignored && node.description?.value);
    expect(described.length, 'the source buttons are described by their facts').toBeGreaterThan(4);
    const twice = described.filter((node) => said(node).includes(node.description!.value)).map((node) => node.description!.value);
    expect(twice).toEqual([]);
  });

  test('every source button of the card, the story’s key points’ too, is described by what it is the source of', async ({ page, server }) => {
    await hoverOnDemo(page, server.origin, 'John Kirby');
    await clickShadowUiButton(page, 'About the story');
    await expect.poll(() => shadowUiText(page)).toContain('Both countries face heavy sanctions');
    const nodes = await accessibilityNodes(page);
    const sources = nodes.filter((node) => !node.ignored && node.role?.value === 'button' && node.name?.value.startsWith('Source:'));
    // Two of John Kirby's facts, and every key point of the story.
    expect(sources.length).toBeGreaterThan(4);
    // In a screen reader's list of buttons, "Source: paragraph 4 of the article" alone says nothing of which claim it backs.
    for (const source of sources) expect(source.description?.value ?? '', source.name!.value).toMatch(/\w{4,}.*\w{4,}/);
    // A key point that is its sentence word for word has no button: its source is read out as words, not as "pilcrow 3".
    const said = nodes.filter((node) => !node.ignored && node.role?.value === 'StaticText').map((node) => node.name?.value);
    expect(said).toContain('Source: paragraph 3 of the article, word for word');
    expect(said).not.toContain('¶3');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${colorScheme} theme`, () => {
      test.use({ colorScheme });
      test('an open card has no accessibility violations', async ({ page, server }) => {
        await hoverOnDemo(page, server.origin, 'North Korea');
        await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
        const clone = await cloneCardForAxe(page);
        const results = await new AxeBuilder({ page }).include(clone).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      });
    });
  }
});
