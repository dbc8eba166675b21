import type { Page } from '@playwright/test';
import { watchFirstHighlight } from '../tooling/first-highlight';
import { launchWithExtension } from '../tooling/launch-extension';
import type { PageServer } from '../tooling/page-server';
import { stopServiceWorker } from '../tooling/service-worker';
import { keepLocal } from './bench-browser';
import { firstHoverAfterStop } from './first-hover';
import { injectedScriptSize } from './injected-script';
import { popupNamesListed } from './popup-open';
import { max, median } from './stats';
import { measureTraced, SETTLE_AFTER_LOAD_MS } from './traced-loads';
import type { EndToEnd } from './types';

type Measured = Omit<EndToEnd, 'builtAt' | 'injectedBytes' | 'injectedGzipBytes'>;

/** Notes, in the page's main world, the first frame in which Backstory's highlight holds a range. */
export const WATCH_FIRST_HIGHLIGHT = watchFirstHighlight('__backstoryFirstHighlight', 'navigation');

/** How long the demo article is left alone after its load before the first highlight is looked for. */
export const QUIET_AFTER_LOAD_MS = 1_000;

async function firstHighlight(page: Page, url: string): Promise<{ firstMs: number; loadMs: number }> {
  await page.addInitScript(WATCH_FIRST_HIGHLIGHT);
  await page.goto(url);
  // Nothing of Playwright's in the page before the highlight is likely there: the script it
  // injects to wait on a condition (330 KB) is compiled on the page's main thread, in the way.
  await page.waitForTimeout(QUIET_AFTER_LOAD_MS);
  await page.waitForFunction(() => (window as { __backstoryFirstHighlight?: number }).__backstoryFirstHighlight !== undefined, null, {
    timeout: 30_000,
  });
  return page.evaluate(() => ({
    firstMs: (window as { __backstoryFirstHighlight?: number }).__backstoryFirstHighlight!,
    loadMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  }));
}

/**
 * The built extension in Chromium: how soon the demo article shows highlights,
 * what pages without mentions cost (the saved pages that have none, and the
 * generated 4 MiB one), and how soon a card opens after the worker stopped.
 */
export async function measureEndToEnd(
  server: PageServer,
  noMentionPath: string,
  noMentionPages: readonly { name: string; path: string }[],
  repetitions: number,
  log: (line: string) => void,
): Promise<Measured> {
  // First, on its own: the figures read from traces, in a browser that no DevTools session slows.
  const traced = await measureTraced(server, noMentionPath, noMentionPages, repetitions, log);
  const firsts: number[] = [];
  const loads: number[] = [];
  const coldFirsts: number[] = [];
  const hovers: (number | null)[] = [];
  const popups: number[] = [];
  const coldPopups: number[] = [];
  let wokeWorker: boolean | null = null;
  const extension = await launchWithExtension();
  try {
    await keepLocal(extension.context);
    const demo = `${server.origin}/demo`;
    // The first load after install waits for the story database to be seeded: a one-off, not what readers meet.
    const warmUp = await extension.context.newPage();
    await firstHighlight(warmUp, demo).catch((error: Error) => log(`  warm-up: ${error.message.split('\n')[0]}`));
    await warmUp.close();
    // Warm and cold in turn: the reader's first page after a pause finds the worker stopped.
    for (let round = 0; round < repetitions; round++) {
      for (const cold of round % 2 ? [true, false] : [false, true]) {
        const label = `demo${cold ? ', the worker stopped,' : ''} #${round + 1}`;
        const page = await extension.context.newPage();
        try {
          if (cold) await stopServiceWorker(extension.context, extension.extensionId, page);
          const { firstMs, loadMs } = await firstHighlight(page, demo);
          (cold ? coldFirsts : firsts).push(firstMs);
          if (!cold) loads.push(loadMs);
          log(`  ${label}: first highlight ${firstMs.toFixed(0)} ms after navigation (load event ${loadMs.toFixed(0)} ms)`);
        } catch (error) {
          log(`  ${label}: not measured (${(error as Error).message.split('\n')[0]})`);
        } finally {
          await page.close();
        }
      }
    }
    const tab = await extension.context.newPage();
    await firstHighlight(tab, demo);
    for (let round = 0; round < repetitions; round++) {
      for (const cold of round % 2 ? [true, false] : [false, true]) {
        const label = `popup${cold ? ', the worker stopped,' : ''} #${round + 1}`;
        try {
          const ms = await popupNamesListed(extension.context, extension.extensionId, tab, cold);
          (cold ? coldPopups : popups).push(ms);
          log(`  ${label}: first name listed ${ms.toFixed(0)} ms after its navigation`);
        } catch (error) {
          log(`  ${label}: not measured (${(error as Error).message.split('\n')[0]})`);
        }
      }
    }
    await tab.close();
    for (let round = 0; round < repetitions; round++) {
      try {
        const hover = await firstHoverAfterStop(extension.context, demo, extension.extensionId);
        hovers.push(hover.ms);
        wokeWorker = (wokeWorker ?? false) || hover.wokeWorker;
        log(`  first hover after the worker stopped #${round + 1}: ${hover.ms === null ? 'no card' : `${hover.ms.toFixed(1)} ms after the hover delay`}${hover.wokeWorker ? ' (woke the worker)' : ''}`);
      } catch (error) {
        log(`  first hover after the worker stopped #${round + 1}: not measured (${(error as Error).message.split('\n')[0]})`);
      }
    }
  } finally {
    await extension.close();
  }
  return {
    // Named here, as the sizes are summed in scripts/bench.ts: every content script the manifest puts in all pages.
    injectedFiles: injectedScriptSize()?.files,
    demoFirstHighlightMs: median(firsts),
    demoLoadEventMs: median(loads),
    demoFirstHighlightColdMs: median(coldFirsts),
    ...traced,
    firstHoverAfterStopMs: median(hovers),
    firstHoverAfterStopMaxMs: max(hovers),
    // A hover that showed no card, or failed, is a miss: counted here, it fails the budget (budgets.ts).
    firstHoverMeasuredRuns: hovers.filter((ms) => ms !== null).length,
    firstHoverWokeWorker: wokeWorker,
    popupNamesMs: median(popups),
    popupNamesColdMs: median(coldPopups),
    noMentionMethod: `CPU time (thread time, from a Chromium trace without DevTools sessions in the page) of the extension's script evaluations and callbacks in the page's frames, DOM calls included, from navigation to ${SETTLE_AFTER_LOAD_MS / 1000} s after load`,
    runs: repetitions,
  };
}
