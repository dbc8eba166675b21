import type { Browser } from 'puppeteer-core';
import { findFirefox } from '../tooling/find-browser';
import { FIREFOX_BUILD_DIR, launchFirefoxWithWindowAccess, stopBackground } from '../tooling/firefox-window';
import type { PageServer } from '../tooling/page-server';
import { QUIET_AFTER_LOAD_MS, WATCH_FIRST_HIGHLIGHT } from './end-to-end';
import { firefoxFirstHoverAfterStop } from './firefox-first-hover';
import { builtAt } from './injected-script';
import { median } from './stats';
import type { FirefoxEndToEnd } from './types';

/** Navigation start → the first frame with Backstory's highlight, in a new tab of `url`. */
async function firstHighlight(browser: Browser, url: string): Promise<number> {
  const tab = await browser.newPage();
  try {
    await tab.evaluateOnNewDocument(WATCH_FIRST_HIGHLIGHT);
    await tab.goto(url);
    // As in Chromium (end-to-end.ts): nothing of the driver's in the page while the highlight is likely coming.
    await new Promise((done) => setTimeout(done, QUIET_AFTER_LOAD_MS));
    await tab.waitForFunction(() => (window as { __backstoryFirstHighlight?: number }).__backstoryFirstHighlight !== undefined, { timeout: 30_000 });
    return await tab.evaluate(() => (window as { __backstoryFirstHighlight?: number }).__backstoryFirstHighlight!);
  } finally {
    await tab.close();
  }
}

/**
 * The Firefox build in Firefox: how soon the demo article shows highlights,
 * with the background running and stopped before the load, as Firefox stops
 * its event page after 30 s idle, and how soon the first hover after such a
 * stop shows a card. Null where there is no Firefox. Not a
 * budget: the issue's budgets are Chromium's.
 */
export async function measureFirefox(server: PageServer, repetitions: number, log: (line: string) => void): Promise<FirefoxEndToEnd | null> {
  const executablePath = findFirefox();
  if (!executablePath) {
    log('  no Firefox: not measured (apt-get install firefox-esr, or set FIREFOX_PATH)');
    return null;
  }
  // Extensions in their own process, as in any Firefox a reader runs.
  const { browser, extensionId } = await launchFirefoxWithWindowAccess(executablePath, FIREFOX_BUILD_DIR, { 'extensions.webextensions.remote': true });
  const firsts: number[] = [];
  const coldFirsts: number[] = [];
  try {
    const demo = `${server.origin}/demo`;
    // The first load after install waits for the story database to be seeded: a one-off.
    await firstHighlight(browser, demo).catch((error: Error) => log(`  Firefox warm-up: ${error.message.split('\n')[0]}`));
    for (let round = 0; round < repetitions; round++) {
      for (const cold of round % 2 ? [true, false] : [false, true]) {
        const label = `Firefox, demo${cold ? ', the background stopped,' : ''} #${round + 1}`;
        try {
          if (cold) await stopBackground(browser, extensionId);
          const ms = await firstHighlight(browser, demo);
          (cold ? coldFirsts : firsts).push(ms);
          log(`  ${label}: first highlight ${ms.toFixed(0)} ms after navigation`);
        } catch (error) {
          log(`  ${label}: not measured (${(error as Error).message.split('\n')[0]})`);
        }
      }
    }
    const hovers: (number | null)[] = [];
    let wokeBackground: boolean | null = null;
    for (let round = 0; round < repetitions; round++) {
      try {
        const hover = await firefoxFirstHoverAfterStop(browser, extensionId, demo);
        hovers.push(hover.ms);
        wokeBackground = (wokeBackground ?? false) || hover.wokeBackground;
        log(`  Firefox, first hover after the background stopped #${round + 1}: ${hover.ms === null ? 'no card' : `card ${hover.ms.toFixed(0)} ms after the hover delay`}${hover.wokeBackground ? ' (the background was started)' : ''}`);
      } catch (error) {
        log(`  Firefox, first hover after the background stopped #${round + 1}: not measured (${(error as Error).message.split('\n')[0]})`);
      }
    }
    return {
      firefox: (await browser.version()).replace(/^firefox\//i, ''),
      builtAt: builtAt('firefox'),
      demoFirstHighlightMs: median(firsts),
      demoFirstHighlightColdMs: median(coldFirsts),
      firstHoverAfterStopMs: median(hovers),
      // A hover with no card is no faster one left out: the table tells how many of the runs showed it.
      firstHoverMeasuredRuns: hovers.filter((ms) => ms !== null).length,
      firstHoverWokeBackground: wokeBackground,
      runs: repetitions,
    };
  } finally {
    await browser.close();
  }
}
