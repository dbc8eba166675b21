/** Backstory's keyboard shortcut in Firefox, pressed in the browser window as a reader does. */
import type { Browser, Page } from 'puppeteer-core';
import { openNameInPage, paintedTextsInPage } from '../../tooling/painted-texts';
import { textPointInPage } from '../../tooling/text-point';
import { pageWithTickerInShadowRoot } from '../../tooling/ticker-page';
import { expect, test, withWindowAccess } from './fixtures';
import { badgeText, focusAddressBar, pressBackstoryShortcut } from './toolbar-popup';
import { cardPointsInPage } from '../../tooling/card-points';
import { DARK_CARD, pixelsOfColourInPage } from './pixels';

const painted = (tab: Page) => tab.evaluate(paintedTextsInPage);
const focused = (tab: Page) => tab.evaluate(() => document.activeElement?.localName);

/**
 * A new tab on `url` (Vladimir Putin above a ticker frame naming South Korea and Japan), walked by
 * the shortcut into the ticker: South Korea's card open in the frame.
 */
async function walkIntoTicker(browser: Browser, extensionId: string, url: string) {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 800 });
  await tab.goto(url);
  await expect.poll(() => painted(tab)).toEqual(['Vladimir Putin']);
  const frame = tab.frames()[1]!;
  await expect.poll(() => painted(frame as unknown as Page)).toEqual(['South Korea', 'Japan']);
  await expect.poll(() => badgeText(browser, extensionId)).toBe('3');
  // One press at a time: a press before the last one's card opened would walk from where that one started.
  await pressBackstoryShortcut(browser, extensionId);
  await expect.poll(() => tab.evaluate(openNameInPage)).toBe('Vladimir Putin');
  await pressBackstoryShortcut(browser, extensionId);
  await expect.poll(() => frame.evaluate(openNameInPage)).toBe('South Korea');
  return { tab, frame };
}

test('in Firefox, the shortcut pressed on a live page before any name is on it leaves the names it posts later their cards, on hover and on the shortcut', async ({
  server,
}) => {
  server.route('/live-before', '<!doctype html><html lang="en"><body><main><p>Live: waiting for the first post.</p></main></body></html>');
  await withWindowAccess({}, async (browser, extensionId) => {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`${server.origin}/live-before`);
    await new Promise((done) => setTimeout(done, 1000));
    // Nothing to go to yet.
    await pressBackstoryShortcut(browser, extensionId);
    await new Promise((done) => setTimeout(done, 1000));

    await tab.evaluate(() => {
      document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Vladimir Putin arrived in Pyongyang for talks.' }));
    });
    await expect.poll(() => painted(tab)).toEqual(['Vladimir Putin', 'Pyongyang']);
    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(() => focused(tab)).toBe('backstory-card');
    await tab.keyboard.press('Escape');
    await expect.poll(() => focused(tab)).not.toBe('backstory-card');

    const point = await tab.evaluate(textPointInPage, { text: 'Pyongyang', occurrence: 0 });
    await tab.mouse.move(point!.x, point!.y);
    await expect.poll(() => tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  });
});

// Pressed right after the names light up: the frame's first report must have reached the background by then.
test('in Firefox, the shortcut walking on from an embedded frame’s last name back to the page’s first gives the page’s card the keyboard focus', async ({ server }) => {
  await withWindowAccess({}, async (browser, extensionId) => {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    // Putin in the page; South Korea and Japan in a ticker frame.
    await tab.goto(`${server.origin}/fixtures/framed.html`);
    await expect.poll(() => painted(tab)).toEqual(['Vladimir Putin']);
    const frame = tab.frames()[1]!;
    await expect.poll(() => painted(frame as unknown as Page)).toEqual(['South Korea', 'Japan']);
    // Every frame's names reported first: a press quicker than any reader walks only the frames already heard from.
    await expect.poll(() => badgeText(browser, extensionId)).toBe('3');
    const frameFocused = () => frame.evaluate(() => document.hasFocus() && document.activeElement?.localName);

    const pageCard = () => tab.evaluate(() => document.hasFocus() && document.activeElement?.localName);

    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(() => focused(tab)).toBe('backstory-card');
    // The ticker's names: its cards, too large for its 120 px, shown by the page with the focus in them, and the walk
    // going on in the frame all the same (the page tells the shortcut whose card has the focus).
    for (const name of ['South Korea', 'Japan']) {
      await pressBackstoryShortcut(browser, extensionId);
      await expect.poll(() => frame.evaluate(openNameInPage)).toBe(name);
      await expect.poll(pageCard).toBe('backstory-card');
      expect(await frameFocused()).toBe(false);
      expect(await frame.evaluate(cardPointsInPage)).toBe(0);
    }
    // Escape gives the focus back into the frame, by the name, as the frame's own card would (Firefox leaves the focus on the
    // frame's <body> once the paragraph is no longer focusable); the walk goes on from there.
    await tab.keyboard.press('Escape');
    await expect.poll(() => frame.evaluate(openNameInPage)).toBe('');
    await expect.poll(() => frame.evaluate(() => document.hasFocus())).toBe(true);
    expect(await focused(tab)).toBe('iframe');
    // Past the frame's last name: round to the page's first, its card open and focused there.
    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(() => tab.evaluate(openNameInPage)).toBe('Vladimir Putin');
    await expect.poll(pageCard).toBe('backstory-card');
    expect(await tab.evaluate(cardPointsInPage)).toBeGreaterThan(100);
    expect(await frame.evaluate(openNameInPage)).toBe('');
  });
});

// Frames large enough to hold their cards, below: a smaller one's the page shows, as above.
test('in Firefox, the shortcut goes on from where the reader clicked into the page, after its walk went into an embedded frame', async ({ server }) => {
  server.route(
    '/framed-click',
    `<!doctype html><html lang="en"><body><p>Vladimir Putin arrived.</p><p>Some plain text to click into.</p><p>Kim Jong Un waited.</p>
    <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea and Japan held exercises.</p>" style="width: 600px; height: 260px"></iframe></body></html>`,
  );
  await withWindowAccess({}, async (browser, extensionId) => {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`${server.origin}/framed-click`);
    await expect.poll(() => painted(tab)).toEqual(['Vladimir Putin', 'Kim Jong Un']);
    const frame = tab.frames()[1]!;
    await expect.poll(() => painted(frame as unknown as Page)).toEqual(['South Korea', 'Japan']);
    // Every frame's names reported first: a press quicker than any reader walks only the frames already heard from.
    await expect.poll(() => badgeText(browser, extensionId)).toBe('4');
    const frameFocused = () => frame.evaluate(() => document.hasFocus() && document.activeElement?.localName);
    const pageCard = () => tab.evaluate(() => document.hasFocus() && document.activeElement?.localName);

    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(pageCard).toBe('backstory-card');
    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(pageCard).toBe('backstory-card');
    // Past the page's last name: into the frame, South Korea's card.
    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(frameFocused).toBe('backstory-card');
    await expect.poll(() => frame.evaluate(openNameInPage)).toBe('South Korea');

    // The reader clicks into the page's text between its two names: the next name after that place is Kim Jong Un's, in the page,
    // not Japan's in the frame; and the frame's card goes.
    const point = await tab.evaluate(textPointInPage, { text: 'Some plain text', occurrence: 0 });
    await tab.mouse.click(point!.x, point!.y);
    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(pageCard).toBe('backstory-card');
    await expect.poll(() => tab.evaluate(openNameInPage)).toBe('Kim Jong Un');
    expect(await frameFocused()).toBe(false);
    await expect.poll(() => frame.evaluate(openNameInPage)).toBe('');

    // Escape gives focus back to where the reader clicked; the walk goes on in the page, then into the frame from its first name.
    await tab.keyboard.press('Escape');
    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(frameFocused).toBe('backstory-card');
    await expect.poll(() => frame.evaluate(openNameInPage)).toBe('South Korea');
  });
});

// A press reaches only the document it lands in: the frame's card hears of a click in the page around it only as its window's
// blur, which also comes as the reader switches to another window (the next test); the background tells the two apart.
test('in Firefox, a card the shortcut opened in an embedded frame closes when the reader clicks into the page outside the frame', async ({ server }) => {
  server.route(
    '/framed-click-away',
    `<!doctype html><html lang="en"><body><p>Vladimir Putin arrived.</p><p>Some plain text to click into.</p>
    <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea and Japan held exercises.</p>" style="width: 600px; height: 120px"></iframe></body></html>`,
  );
  await withWindowAccess({}, async (browser, extensionId) => {
    const { tab, frame } = await walkIntoTicker(browser, extensionId, `${server.origin}/framed-click-away`);

    const point = await tab.evaluate(textPointInPage, { text: 'Some plain text', occurrence: 0 });
    await tab.mouse.click(point!.x, point!.y);
    await expect.poll(() => frame.evaluate(openNameInPage)).toBe('');
    expect(await frame.evaluate(cardPointsInPage)).toBe(0);
  });
});

test('in Firefox, a card the shortcut opened in the page closes when the reader clicks into an embedded frame', async ({ server }) => {
  server.route(
    '/click-into-frame',
    // The frame above the name: the card, opening below it, does not cover the frame.
    `<!doctype html><html lang="en"><body><iframe title="Live ticker" srcdoc="<p id='plain'>Ticker: plain text to click into.</p><p>South Korea held exercises.</p>" style="width: 600px; height: 120px"></iframe>
    <p>Vladimir Putin arrived.</p><div style="height: 600px"></div></body></html>`,
  );
  await withWindowAccess({}, async (browser, extensionId) => {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`${server.origin}/click-into-frame`);
    await expect.poll(() => painted(tab)).toEqual(['Vladimir Putin']);
    const frame = tab.frames()[1]!;
    await expect.poll(() => painted(frame as unknown as Page)).toEqual(['South Korea']);
    // Every frame's names reported first: a press quicker than any reader walks only the frames already heard from.
    await expect.poll(() => badgeText(browser, extensionId)).toBe('2');
    // In reading order: the ticker's name above, then the page's.
    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(() => frame.evaluate(openNameInPage)).toBe('South Korea');
    await pressBackstoryShortcut(browser, extensionId);
    await expect.poll(() => tab.evaluate(openNameInPage)).toBe('Vladimir Putin');
    await expect.poll(() => focused(tab)).toBe('backstory-card');

    const frameBox = (await (await tab.$('iframe'))!.boundingBox())!;
    const plain = await frame.evaluate(textPointInPage, { text: 'plain text', occurrence: 0 });
    await tab.mouse.click(frameBox.x + plain!.x, frameBox.y + plain!.y);
    await expect.poll(() => tab.evaluate(openNameInPage)).toBe('');
    expect(await tab.evaluate(cardPointsInPage)).toBe(0);
    expect(await frame.evaluate(() => document.hasFocus())).toBe(true);
  });
});

// The frame's window loses the focus then too, as it does to a click into the page around it: here no document of the tab has it.
test('in Firefox, a card the shortcut opened in an embedded frame stays open while the reader is in the address bar or another tab, and is there when they come back', async ({
  server,
}) => {
  server.route(
    '/framed-away',
    `<!doctype html><html lang="en"><body><p>Vladimir Putin arrived.</p>
    <iframe title="Live ticker" srcdoc="<p>Ticker: South Korea and Japan held exercises.</p>" style="width: 600px; height: 260px"></iframe></body></html>`,
  );
  await withWindowAccess({}, async (browser, extensionId) => {
    const { tab, frame } = await walkIntoTicker(browser, extensionId, `${server.origin}/framed-away`);
    const frameFocused = () => frame.evaluate(() => document.hasFocus());
    await expect.poll(frameFocused).toBe(true);

    await focusAddressBar(browser);
    await expect.poll(frameFocused).toBe(false);
    await new Promise((done) => setTimeout(done, 1000));
    expect(await frame.evaluate(openNameInPage)).toBe('South Korea');
    expect(await frame.evaluate(cardPointsInPage)).toBeGreaterThan(0);

    const other = await browser.newPage();
    await other.goto(`${server.origin}/framed-away`);
    await new Promise((done) => setTimeout(done, 1000));
    await tab.bringToFront();
    await new Promise((done) => setTimeout(done, 500));
    expect(await frame.evaluate(openNameInPage)).toBe('South Korea');
    expect(await frame.evaluate(cardPointsInPage)).toBeGreaterThan(0);
  });
});

test('in Firefox, the shortcut walks a frame a web component holds in its closed shadow root where the component stands among the page’s names', async ({ server }) => {
  server.route('/closed-ticker', pageWithTickerInShadowRoot('closed', '<p>South Korea and Japan held exercises.</p>'));
  await withWindowAccess({}, async (browser, extensionId) => {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`${server.origin}/closed-ticker`);
    await expect.poll(() => painted(tab)).toEqual(['Vladimir Putin', 'Kim Jong Un']);
    await expect.poll(() => tab.frames().length).toBe(2);
    const frame = tab.frames()[1]!;
    await expect.poll(() => painted(frame as unknown as Page)).toEqual(['South Korea', 'Japan']);
    // Both frames' names reported: a press before that (quicker than any reader) walks only the frames already heard from.
    await expect.poll(() => badgeText(browser, extensionId)).toBe('4');
    const open = () => Promise.all([tab, frame].map((each) => each.evaluate(openNameInPage)));
    // The ticker's names between the page's, where the component stands. One press at a time, each once its card is open.
    for (const names of [['Vladimir Putin', ''], ['', 'South Korea'], ['', 'Japan'], ['Kim Jong Un', '']]) {
      await pressBackstoryShortcut(browser, extensionId);
      await expect.poll(open).toEqual(names);
    }
  });
});

test('in Firefox, the shortcut on a page without the story’s names says so at the bottom of the screen for a few seconds, and opens no card', async ({ server }) => {
  server.route('/firefox-no-names', '<!doctype html><html lang="en"><body><main><p>The council met on Tuesday to discuss the budget.</p></main></body></html>');
  // The dark theme: the notice's background is a colour the white page has nowhere.
  await withWindowAccess({ 'layout.css.prefers-color-scheme.content-override': 0 }, async (browser, extensionId) => {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`${server.origin}/firefox-no-names`);
    const noticePixels = async () => tab.evaluate(pixelsOfColourInPage, { png: await tab.screenshot({ encoding: 'base64' }), colour: DARK_CARD });
    expect(await noticePixels()).toBe(0);
    await pressBackstoryShortcut(browser, extensionId);
    // A line of some 300 × 36 px at least.
    await expect.poll(noticePixels).toBeGreaterThan(8000);
    expect(await tab.evaluate(cardPointsInPage)).toBe(0);
    expect(await focused(tab)).toBe('body');
    await expect.poll(noticePixels, { timeout: 8000 }).toBe(0);
  });
});
