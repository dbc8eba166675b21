import type { Frame, Page } from '@playwright/test';
import { clickShadowUiButton, focusedElement, shadowUiBox, shadowUiCardTitle, shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';
import { serveOtherSite } from './other-site';
import { framesReported, pressShortcut } from './shortcut';
import { tap } from './taps';
import { textPointInPage } from '../../tooling/text-point';
import { pageWithSmallTicker, SMALL_TICKER_LINE } from '../../tooling/ticker-page';

/**
 * A card for a name in an embedded frame too small to hold it (a live ticker
 * 90 px tall) is shown by the page around the frame, where it is read in full:
 * a browser draws nothing of a frame's outside the frame.
 */

const paintedIn = (frame: Frame) => frame.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);

/** Whether this document shows a card of ours: its host is in the top layer only while a card or a notice shows. */
const showsCard = (frame: Page | Frame) =>
  frame.evaluate(() => [...document.querySelectorAll('[data-backstory-card]')].some((host) => host.matches(':popover-open')));

/**
 * Presses Escape as a reader does once the card has been open a moment (the watch for Escape in other documents comes
 * after a grace period, and through the background): whether the card is gone after it.
 */
async function escapeClosesCard(page: Page): Promise<boolean> {
  await page.keyboard.press('Escape');
  await page.waitForTimeout(100);
  return (await shadowUiCardTitle(page)) === null;
}

/** Opens a page of pageWithSmallTicker once the ticker's name is painted; the ticker, and Kim Jong Un's point in the page. */
async function openTicker(page: Page, url: string) {
  await page.goto(url);
  const ticker = page.frames()[1]!;
  await expect.poll(() => paintedIn(ticker)).toBe(1);
  const frame = (await page.locator('iframe').first().boundingBox())!;
  const inFrame = (await ticker.evaluate(textPointInPage, { text: 'Kim Jong Un', occurrence: 0, scroll: false }))!;
  // The frame's content box starts inside its border and padding (1 + 2 px).
  return { ticker, kim: { x: frame.x + 3 + inFrame.x, y: frame.y + 3 + inFrame.y }, frame };
}

test.describe('a card for a name in an embedded frame too small to hold it', () => {
  test('opens over the page, whole, by its name; stays as the pointer goes into it, and goes as the pointer leaves it for the page', async ({ page, server }) => {
    server.route('/small-ticker', pageWithSmallTicker());
    const { ticker, kim, frame } = await openTicker(page, `${server.origin}/small-ticker`);
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    expect(await showsCard(page)).toBe(true);
    expect(await showsCard(ticker)).toBe(false);
    const card = (await shadowUiBox(page))!;
    // Taller than the whole frame, all of it on screen, beside the name.
    expect(card.height).toBeGreaterThan(frame.height + 60);
    expect(card.y).toBeGreaterThan(kim.y);
    expect(card.y + card.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(Math.abs(card.x - (kim.x - 40))).toBeLessThan(60);

    // Out of the frame, into the card: it stays, as one of the page's own would.
    await page.mouse.move(card.x + 30, card.y + card.height / 2, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await shadowUiCardTitle(page)).toBe('Kim Jong Un');

    // Out of the card onto the page's plain text: it goes, and the frame knows, so its name opens it again.
    const plain = await pointOfText(page, 'Some plain text', 0, false);
    await page.mouse.move(plain.x, plain.y, { steps: 4 });
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    await page.mouse.move(kim.x, kim.y, { steps: 4 });
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
  });

  test('the pointer back from the card onto its name keeps it; onto the frame’s plain text, it goes', async ({ page, server }) => {
    server.route('/small-ticker-back', pageWithSmallTicker());
    const { ticker, kim } = await openTicker(page, `${server.origin}/small-ticker-back`);
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    const card = (await shadowUiBox(page))!;
    await page.mouse.move(card.x + 30, card.y + 40, { steps: 4 });
    await page.waitForTimeout(500);
    await page.mouse.move(kim.x, kim.y, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await shadowUiCardTitle(page)).toBe('Kim Jong Un');

    const frame = (await page.locator('iframe').boundingBox())!;
    const plain = (await ticker.evaluate(textPointInPage, { text: 'nothing else', occurrence: 0, scroll: false }))!;
    await page.mouse.move(frame.x + 3 + plain.x, frame.y + 3 + plain.y, { steps: 4 });
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
  });

  test('follows its frame as the page scrolls, goes once the frame is scrolled away, and Escape closes it', async ({ page, server }) => {
    server.route('/small-ticker-scroll', pageWithSmallTicker());
    const { kim } = await openTicker(page, `${server.origin}/small-ticker-scroll`);
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    const before = (await shadowUiBox(page))!;
    // The card into its own place, off the name: the pointer resting in the card as the page scrolls under it.
    await page.mouse.move(before.x + 30, before.y + 40, { steps: 4 });
    await page.evaluate(() => scrollBy(0, 20));
    await expect.poll(async () => Math.round((await shadowUiBox(page))!.y)).toBe(Math.round(before.y - 20));

    await page.evaluate(() => scrollBy(0, 400));
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();

    await page.evaluate(() => scrollTo(0, 0));
    await page.mouse.move(kim.x, kim.y, { steps: 4 });
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
  });

  test('a source clicked in it shows its sentence, and the card stays; Escape closes it and gives the focus back into the frame', async ({ page, server }) => {
    server.route('/small-ticker-source', pageWithSmallTicker());
    const { ticker, kim } = await openTicker(page, `${server.origin}/small-ticker-source`);
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    // Into the page's document: the frame loses the focus, which closed a card of its own (page/focus-left.ts), not this one.
    await clickShadowUiButton(page, '¶1');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button' });
    await expect.poll(() => shadowUiText(page)).toContain('His comments were published in North Korean state media');
    await page.waitForTimeout(800);
    expect(await shadowUiCardTitle(page)).toBe('Kim Jong Un');
    expect(await ticker.evaluate(() => document.hasFocus())).toBe(false);

    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    await expect.poll(() => ticker.evaluate(() => document.hasFocus())).toBe(true);
  });

  test('with the focus in it, a press on a page control that keeps the browser from moving the focus closes it, and leaves the focus out of the frame', async ({
    page,
    server,
  }) => {
    // A toolbar's button, as an editor's: it stops the press's default, so that the focus stays where it was.
    const tool = '<button id="tool" onmousedown="event.preventDefault()" style="position:absolute;top:0;left:700px">Bold</button>';
    server.route('/small-ticker-tool', pageWithSmallTicker().replace('<p>Some plain text', `${tool}<p>Some plain text`));
    const { ticker, kim } = await openTicker(page, `${server.origin}/small-ticker-tool`);
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    await clickShadowUiButton(page, '¶1');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button' });

    await page.locator('#tool').click();
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    await page.waitForTimeout(300);
    // The reader pressed the page: its keys go to the page, not into the frame by the name.
    expect(await page.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('body');
    expect(await ticker.evaluate(() => document.hasFocus())).toBe(false);
  });

  test('with the focus in it, Escape gives the focus back by the name in the frame, and Tab past its last control goes on to the frame’s control after the name', async ({
    page,
    server,
    serviceWorker,
  }) => {
    // A control before the name's paragraph, where the frame's first Tab would go, and one after the name.
    const line = `<p style=&quot;margin:4px 8px&quot;><a href='#top'>Top</a></p>${SMALL_TICKER_LINE.replace('the delegation', "the <a href='#d'>delegation</a>")}`;
    server.route('/small-ticker-focus', pageWithSmallTicker().replace(SMALL_TICKER_LINE, line));
    const { ticker, kim } = await openTicker(page, `${server.origin}/small-ticker-focus`);
    const focusedInTicker = () => ticker.evaluate(() => (document.hasFocus() ? (document.activeElement?.textContent ?? '') : null));
    const focusInCard = async () => {
      await page.mouse.move(kim.x, kim.y);
      await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
      await clickShadowUiButton(page, '¶1');
      await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button' });
    };

    await focusInCard();
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    await expect.poll(focusedInTicker).not.toBeNull();
    // The next Tab starts from the name's paragraph, not from the frame's top.
    await page.keyboard.press('Tab');
    await expect.poll(focusedInTicker).toBe('delegation');

    // From a control the reader tabbed to in the frame, which the frame would give the focus back to by itself.
    await page.mouse.move(kim.x, kim.y + 200, { steps: 2 });
    await ticker.locator('a[href="#top"]').focus();
    await focusInCard();
    let presses = 0;
    while ((await focusedInTicker()) === null && presses++ < 30) await page.keyboard.press('Tab');
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    await expect.poll(focusedInTicker).toBe('delegation');

    // The shortcut's card, opened from that control: Escape gives the focus back to it, as the frame's own card would.
    await ticker.locator('a[href="#top"]').focus();
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(1);
    await pressShortcut(worker, page);
    await expect.poll(() => shadowUiCardTitle(page)).toBe('Kim Jong Un');
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('backstory-card');
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    await expect.poll(focusedInTicker).toBe('Top');
  });

  test('the shortcut’s card opens over the page with the focus in it, the next press goes on in the frame, and Escape gives the focus back there', async ({
    page,
    server,
    serviceWorker,
  }) => {
    const line = SMALL_TICKER_LINE.replace('the delegation', 'the delegation in Pyongyang');
    // Clear of the card, which opens below the ticker's names.
    const weather = '<iframe title="Weather" srcdoc="<button>Tomorrow</button>" style="width:200px;height:40px;margin-left:700px"></iframe>';
    server.route('/small-ticker-keys', pageWithSmallTicker().replace(SMALL_TICKER_LINE, line).replace('</iframe>', `</iframe><p>Vladimir Putin arrived.</p>${weather}`));
    await page.goto(`${server.origin}/small-ticker-keys`);
    const ticker = page.frames()[1]!;
    await expect.poll(() => paintedIn(ticker)).toBe(2);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(2);
    const frame = (await page.locator('iframe').first().boundingBox())!;
    const cardOver = async (name: string) => {
      await pressShortcut(worker, page);
      await expect.poll(() => shadowUiCardTitle(page)).toBe(name);
      // Shown by the page, whole, with the focus in it: the next press asks where the reader is.
      await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('backstory-card');
      expect(await showsCard(ticker)).toBe(false);
      expect((await shadowUiBox(page))!.height).toBeGreaterThan(frame.height + 60);
    };

    // The ticker's two names in turn (the focus in the page's document, the walk goes on in the frame), the page's name, and round.
    await cardOver('Kim Jong Un');
    await cardOver('Pyongyang');
    await pressShortcut(worker, page);
    await expect.poll(() => shadowUiCardTitle(page)).toBe('Vladimir Putin');
    await cardOver('Kim Jong Un');

    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    await expect.poll(() => ticker.evaluate(() => document.hasFocus())).toBe(true);

    // A click into the page closes it, and the focus stays where the reader clicked.
    await cardOver('Pyongyang');
    const plain = await pointOfText(page, 'Some plain text', 0, false);
    await page.mouse.click(plain.x, plain.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('body');
    expect(await ticker.evaluate(() => document.hasFocus())).toBe(false);

    // On from where the reader clicked, above the ticker: its first name. A click into another frame closes it, and the
    // focus stays there.
    await cardOver('Kim Jong Un');
    await page.frameLocator('iframe[title="Weather"]').locator('button').click();
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    await page.waitForTimeout(300);
    expect(await page.frames()[2]!.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('button');
  });

  test('a name of the page hovered after the frame’s takes the card, and the frame’s name opens its own again', async ({ page, server }) => {
    // Below the frame: its card, opening below it, leaves the frame in view.
    server.route('/small-ticker-and-page', pageWithSmallTicker().replace('</iframe>', '</iframe><p>Vladimir Putin arrived.</p>'));
    const { kim } = await openTicker(page, `${server.origin}/small-ticker-and-page`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    const putin = await pointOfText(page, 'Vladimir Putin', 0, false);
    await page.mouse.move(putin.x, putin.y, { steps: 4 });
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Vladimir Putin');
    await page.mouse.move(kim.x, kim.y, { steps: 4 });
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    expect(await showsCard(page)).toBe(true);
  });

  test('another small frame’s name takes the card from the first, whose name opens its own again', async ({ page, server }) => {
    const second = SMALL_TICKER_LINE.replace('Kim Jong Un met the delegation', 'talks in Pyongyang went on');
    // Side by side, apart: the first frame's card, below its name, leaves the second in view.
    const html = pageWithSmallTicker();
    const frame = html.slice(html.indexOf('<iframe'), html.indexOf('</iframe>') + '</iframe>'.length);
    const both = `<div style="display:flex;gap:120px">${frame}${frame.replace(SMALL_TICKER_LINE, second).replace('Live ticker', 'Second ticker')}</div>`;
    server.route('/two-small-tickers', html.replace(frame, both));
    const { kim } = await openTicker(page, `${server.origin}/two-small-tickers`);
    const other = page.frames()[2]!;
    await expect.poll(() => paintedIn(other)).toBe(1);
    const otherFrame = (await page.locator('iframe').nth(1).boundingBox())!;
    const inOther = (await other.evaluate(textPointInPage, { text: 'Pyongyang', occurrence: 0, scroll: false }))!;
    const pyongyang = { x: otherFrame.x + 3 + inOther.x, y: otherFrame.y + 3 + inOther.y };

    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    // Through the card, which keeps it open past the first frame's grace period, on to the second frame's name.
    const card = (await shadowUiBox(page))!;
    await page.mouse.move(card.x + 30, card.y + 40, { steps: 4 });
    await page.waitForTimeout(500);
    // At once: the card's grace period, over the page between, would close it and tell its frame so before the second's opens.
    await page.mouse.move(pyongyang.x, pyongyang.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Pyongyang');
    // Straight onto the name, over nothing else of the first frame's, which would have it close its card by itself.
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
  });

  test('Escape closes it with the keyboard focus in the frame, where the key goes', async ({ page, server }) => {
    server.route('/small-ticker-escape', pageWithSmallTicker());
    const { ticker, kim, frame } = await openTicker(page, `${server.origin}/small-ticker-escape`);
    const plain = (await ticker.evaluate(textPointInPage, { text: 'nothing else', occurrence: 0, scroll: false }))!;
    await page.mouse.click(frame.x + 3 + plain.x, frame.y + 3 + plain.y);
    await expect.poll(() => ticker.evaluate(() => document.hasFocus())).toBe(true);
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
    // And opens again on its name.
    await page.mouse.move(kim.x, kim.y + 30, { steps: 2 });
    await page.mouse.move(kim.x, kim.y, { steps: 2 });
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
  });

  test('goes as its name scrolls out of the frame’s view sideways, a ticker’s line running by', async ({ page, server }) => {
    const line = SMALL_TICKER_LINE.replace('margin:4px 8px', 'margin:4px 8px;white-space:nowrap').replace('nothing else happened.', `nothing else happened. ${'More news. '.repeat(40)}`);
    // Away from the window's left edge: the name, run out of the frame, is still on the screen.
    server.route('/small-ticker-sideways', pageWithSmallTicker().replace(SMALL_TICKER_LINE, line).replace('style="width:420px', 'style="margin-left:400px;width:420px'));
    const { ticker, kim } = await openTicker(page, `${server.origin}/small-ticker-sideways`);
    // A tap's card, which the pointer does not hold open or close.
    await tap(page, kim);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    await ticker.evaluate(() => scrollBy(40, 0));
    await page.waitForTimeout(500);
    expect(await shadowUiCardTitle(page)).toBe('Kim Jong Un');
    await ticker.evaluate(() => scrollBy(160, 0));
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
  });

  test('goes as its frame scrolls out of the view of a panel with its own scroll bar, still on screen', async ({ page, server }) => {
    const html = pageWithSmallTicker();
    const frame = html.slice(html.indexOf('<iframe'), html.indexOf('</iframe>') + '</iframe>'.length);
    const filler = '<p>Nothing to see in this paragraph, only filler text for length.</p>'.repeat(20);
    // Well down the page: the frame scrolled out of the panel's top is still in the window.
    server.route('/small-ticker-panel', html.replace(frame, `<div id="panel" style="margin-top:200px;height:260px;overflow:auto">${frame}${filler}</div>`));
    const { kim, frame: box } = await openTicker(page, `${server.origin}/small-ticker-panel`);
    // A tap's card, which the pointer does not hold open or close.
    await tap(page, kim);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    const before = (await shadowUiBox(page))!;
    await page.evaluate(() => document.getElementById('panel')!.scrollBy(0, 10));
    await expect.poll(async () => Math.round((await shadowUiBox(page))!.y)).toBe(Math.round(before.y - 10));

    await page.evaluate((by) => document.getElementById('panel')!.scrollBy(0, by), box.height + 20);
    const hidden = await page.evaluate(() => {
      const frame = document.querySelector('iframe')!.getBoundingClientRect();
      return frame.bottom < document.getElementById('panel')!.getBoundingClientRect().top && frame.top > 0;
    });
    expect(hidden, 'the frame is above the panel’s view, in the window').toBe(true);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
  });

  test('goes as the page scrolls its frame under a sticky header', async ({ page, server }) => {
    const header = '<header style="position:sticky;top:0;height:160px;background:white">The masthead</header>';
    server.route('/small-ticker-sticky', pageWithSmallTicker().replace('<p>Some plain text', `${header}<p>Some plain text`));
    const { kim } = await openTicker(page, `${server.origin}/small-ticker-sticky`);
    await tap(page, kim);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    const before = (await shadowUiBox(page))!;
    await page.evaluate(() => scrollBy(0, 10));
    await expect.poll(async () => Math.round((await shadowUiBox(page))!.y)).toBe(Math.round(before.y - 10));

    // The name's middle 40 px above the header's foot, under it; the frame's own foot below the header, on screen.
    await page.evaluate((by) => scrollBy(0, by), kim.y - 10 - 120);
    expect(await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().bottom)).toBeGreaterThan(160);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
  });

  test('goes as the page hides its frame', async ({ page, server }) => {
    server.route('/small-ticker-hidden', pageWithSmallTicker());
    const { kim } = await openTicker(page, `${server.origin}/small-ticker-hidden`);
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    const card = (await shadowUiBox(page))!;
    await page.mouse.move(card.x + 30, card.y + 40, { steps: 4 });
    await page.evaluate(() => (document.querySelector('iframe')!.style.display = 'none'));
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
  });

  test('goes as the frame loads another page, the pointer resting where the name was', async ({ page, server }) => {
    server.route('/small-ticker-reload', pageWithSmallTicker());
    const { kim } = await openTicker(page, `${server.origin}/small-ticker-reload`);
    await page.mouse.move(kim.x, kim.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    await page.evaluate(() => (document.querySelector('iframe')!.srcdoc = '<p>Live: the delegation left.</p>'));
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
  });

  test('a tap on the name opens it over the page, and it stays until a tap elsewhere on the page', async ({ page, server }) => {
    server.route('/small-ticker-tap', pageWithSmallTicker());
    const { kim } = await openTicker(page, `${server.origin}/small-ticker-tap`);
    await tap(page, kim);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    expect(await showsCard(page)).toBe(true);
    await page.waitForTimeout(800);
    expect(await shadowUiCardTitle(page)).toBe('Kim Jong Un');
    await tap(page, await pointOfText(page, 'Some plain text', 0, false));
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 3000 }).toBeNull();
  });

  test('follows its frame as the page’s layout moves it, with nothing scrolled or resized', async ({ page, server }) => {
    server.route('/small-ticker-layout', pageWithSmallTicker());
    const { kim } = await openTicker(page, `${server.origin}/small-ticker-layout`);
    await tap(page, kim);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    const before = (await shadowUiBox(page))!;
    // An advertisement loading above the frame pushes it down, and takes its room again.
    await page.evaluate(() => document.querySelector('iframe')!.before(Object.assign(document.createElement('div'), { id: 'ad', style: 'height:70px' })));
    await expect.poll(async () => Math.round((await shadowUiBox(page))!.y)).toBe(Math.round(before.y + 70));
    await page.evaluate(() => document.getElementById('ad')!.remove());
    await expect.poll(async () => Math.round((await shadowUiBox(page))!.y)).toBe(Math.round(before.y));
    expect(await shadowUiCardTitle(page)).toBe('Kim Jong Un');

    // A window made shorter, the frame where it was: the card fits the window anew.
    const { width } = page.viewportSize()!;
    await page.setViewportSize({ width, height: Math.round(before.y + before.height / 2) });
    await expect.poll(async () => {
      const card = (await shadowUiBox(page))!;
      return card.y + card.height <= page.viewportSize()!.height;
    }).toBe(true);
  });

  test('a ticker from another site opens its card over the page too', async ({ context, page, server }) => {
    const other = await serveOtherSite(context, `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif">${SMALL_TICKER_LINE.replaceAll('&quot;', '"')}</body></html>`);
    try {
      server.route('/small-ticker-other-site', pageWithSmallTicker(`${other.origin}/ticker`));
      const { ticker, kim } = await openTicker(page, `${server.origin}/small-ticker-other-site`);
      await page.mouse.move(kim.x, kim.y);
      await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
      expect(await showsCard(page)).toBe(true);
      expect(await showsCard(ticker)).toBe(false);
      expect((await shadowUiBox(page))!.height).toBeGreaterThan(150);
    } finally {
      await other.close();
    }
  });

  test('a frame large enough keeps its card', async ({ page, server }) => {
    server.route(
      '/large-frame',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Some plain text to rest on.</p>
      <iframe title="Article" srcdoc="${SMALL_TICKER_LINE}" style="width:600px;height:420px;border:0"></iframe></body></html>`,
    );
    await page.goto(`${server.origin}/large-frame`);
    const article = page.frames()[1]!;
    await expect.poll(() => paintedIn(article)).toBe(1);
    const frame = (await page.locator('iframe').boundingBox())!;
    const inFrame = (await article.evaluate(textPointInPage, { text: 'Kim Jong Un', occurrence: 0, scroll: false }))!;
    await page.mouse.move(frame.x + inFrame.x, frame.y + inFrame.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    expect(await showsCard(article)).toBe(true);
    expect(await showsCard(page)).toBe(false);

    // The reader only pointed there: the keys go to the page around the frame, whose own script hears no names. Escape
    // there closes the frame's card all the same, the pointer still on the name.
    expect(await page.evaluate(() => document.hasFocus() && document.activeElement === document.body)).toBe(true);
    await expect.poll(() => escapeClosesCard(page), { timeout: 5000 }).toBe(true);
    // Put away, as by Escape in the card: the pointer moving on the name leaves it closed.
    await page.mouse.move(frame.x + inFrame.x + 3, frame.y + inFrame.y);
    await page.waitForTimeout(600);
    expect(await shadowUiCardTitle(page)).toBeNull();
    // Opened again by the next hover, once the pointer left the name, and Escape closes it again: the watch came back with it.
    await page.mouse.move(frame.x + inFrame.x, frame.y + inFrame.y + 100);
    await page.mouse.move(frame.x + inFrame.x, frame.y + inFrame.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    await expect.poll(() => escapeClosesCard(page), { timeout: 5000 }).toBe(true);
  });

  test('the page’s card, opened while the keys go into an embedded frame (the reader typed there), closes on Escape pressed there', async ({ page, server }) => {
    server.route(
      '/focus-in-frame',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p>
      <iframe title="Comments" srcdoc="<input aria-label=Comment>" style="width:400px;height:120px;border:0"></iframe></body></html>`,
    );
    await page.goto(`${server.origin}/focus-in-frame`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    await page.frameLocator('iframe').getByRole('textbox', { name: 'Comment' }).click();
    const name = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(name.x, name.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Vladimir Putin');
    expect(await page.frames()[1]!.evaluate(() => document.hasFocus())).toBe(true);
    await expect.poll(() => escapeClosesCard(page), { timeout: 5000 }).toBe(true);
    // The keys stayed where the reader typed.
    expect(await page.frames()[1]!.evaluate(() => document.activeElement?.localName)).toBe('input');
  });

  test('a frame large enough but taller than the window shows, holds its card where the window shows it: above a name near the window’s foot, with room below it only in the frame, off screen', async ({
    page,
    server,
  }) => {
    const { height } = page.viewportSize()!;
    // The name's line 70 px above the window's foot; the frame goes on 700 px below it.
    const article = `<p style=&quot;margin:0;padding-top:${height - 80}px;font:16px/20px sans-serif&quot;>Kim Jong Un arrived.</p>`;
    server.route(
      '/tall-frame',
      `<!doctype html><html lang="en"><body style="margin:0"><iframe title="Article" srcdoc="${article}" style="display:block;width:600px;height:${height + 700}px;border:0"></iframe></body></html>`,
    );
    await page.goto(`${server.origin}/tall-frame`);
    const frame = page.frames()[1]!;
    await expect.poll(() => paintedIn(frame)).toBe(1);
    const name = (await frame.evaluate(textPointInPage, { text: 'Kim Jong Un', occurrence: 0, scroll: false }))!;
    await page.mouse.move(name.x, name.y);
    await expect.poll(() => shadowUiCardTitle(page), { timeout: 5000 }).toBe('Kim Jong Un');
    await expect.poll(async () => (await shadowUiBox(page, 'card-frame', { frames: true }))?.height ?? 0).toBeGreaterThan(150);
    const card = (await shadowUiBox(page, 'card-frame', { frames: true }))!;
    expect(card.y + card.height).toBeLessThan(name.y);
    expect(card.y).toBeGreaterThanOrEqual(0);
  });
});
