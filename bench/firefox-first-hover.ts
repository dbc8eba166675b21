import type { Browser } from 'puppeteer-core';
import { OPEN_DELAY_MS } from '../page/hover-card';
import { backgroundStartedAt, stopBackground } from '../tooling/firefox-window';
import { textPointInPage } from '../tooling/text-point';
import { NAME } from './first-hover';

interface HoverProbe {
  pointer: number | null;
  shown: number | null;
}

/**
 * Runs in the page's main world, which sees only our card's host (its shadow
 * root is closed): notes the first pointer move, and the first frame in which
 * the card covers a point of the column through the hovered name, whose side
 * the card opens on. A column, not the whole viewport, so the looking costs the
 * frames it watches next to nothing. A string: what a driver passes as a
 * function must not call helpers the test runner's compiler adds.
 */
const watchCardInPage = (x: number) => `(() => {
  const state = (window.__backstoryHoverProbe = { pointer: null, shown: null });
  addEventListener('pointermove', (event) => (state.pointer ??= event.timeStamp), { capture: true, passive: true });
  const look = () => {
    for (let y = 5; y < innerHeight; y += 10) {
      if (document.elementFromPoint(${x}, y)?.localName === 'backstory-card') return void (state.shown = performance.now());
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})()`;

/**
 * One load of the demo article in Firefox: the first hover on the name after
 * the background (its event page) was stopped, as Firefox stops it after 30 s
 * idle. Milliseconds from the pointer's move to the card's frame, less the
 * hover delay; null when the card did not open within 5 s.
 */
export async function firefoxFirstHoverAfterStop(browser: Browser, extensionId: string, url: string): Promise<{ ms: number | null; wokeBackground: boolean }> {
  const tab = await browser.newPage();
  try {
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(url);
    // The card script arrives in idle time after the scan and fetches the page's facts; give that time.
    await tab.waitForFunction(() => document.querySelector('backstory-card') !== null, { timeout: 10_000 });
    await new Promise((done) => setTimeout(done, 1000));
    await stopBackground(browser, extensionId);
    await tab.mouse.move(1, 1);
    const point = await tab.evaluate(textPointInPage, { text: NAME, occurrence: 0 });
    if (!point) throw new Error(`${NAME} is not on the page`);
    await tab.evaluate(watchCardInPage(point.x));
    await tab.mouse.move(point.x, point.y);
    await tab
      .waitForFunction(() => ((window as { __backstoryHoverProbe?: HoverProbe }).__backstoryHoverProbe?.shown ?? null) !== null, { timeout: 5000 })
      .catch(() => undefined);
    const probe = await tab.evaluate(() => (window as { __backstoryHoverProbe?: HoverProbe }).__backstoryHoverProbe!);
    const ms = probe.pointer !== null && probe.shown !== null ? probe.shown - probe.pointer - OPEN_DELAY_MS : null;
    return { ms, wokeBackground: (await backgroundStartedAt(browser)) !== null };
  } finally {
    await tab.close();
  }
}
