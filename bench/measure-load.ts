import type { Page } from '@playwright/test';
import type { MatcherWire } from '../core/matcher';
import type { BaselineRegExps, HoverTiming } from './bench-api';
import type { BenchBrowser } from './bench-browser';
import type { Bundles } from './bundles';
import { HIGHLIGHT_CSS } from '../page/highlight-styles';
import { busyBetween, taskAround } from './busy-time';
import { HOVER_LOOKUPS, MARKS, SCROLL_STEPS } from './marks';
import { median } from './stats';
import { startTrace } from './trace';
import type { ProbeSample, RunSample, VariantId } from './types';

export interface LoadPlan {
  url: string;
  variant: VariantId;
  matcherWire: MatcherWire;
  regexps: BaselineRegExps;
  bundles: Bundles;
}

const LOAD_TIMEOUT_MS = 120_000;

/**
 * Every hover point lies over a mention the pointer can reach (page-hover-timing.ts): a lookup that finds
 * nothing there is a broken hit test or a broken bench, and no figure of either can be trusted.
 */
export function checkHits(url: string, hover: HoverTiming): void {
  if (hover.hits < hover.lookups) {
    throw new Error(`${url}: ${hover.lookups - hover.hits} of ${hover.lookups} hover lookups found no mention under a point chosen over one`);
  }
}

/** Runs in the page before its HTML: the same sheet, under the same key, that page/highlight-styles.ts adopts. */
function adoptStylesEarly(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  (globalThis as Record<symbol, unknown>)[Symbol.for('backstory.highlight-sheet')] = sheet;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

async function inject(page: Page, { variant, bundles }: LoadPlan): Promise<void> {
  await page.addScriptTag({ content: bundles.harness });
  if (variant === 'backstory') await page.addScriptTag({ content: bundles.backstory });
  if (variant === 'markjs' || variant === 'markjs-forms') await page.addScriptTag({ content: bundles.markjs });
}

/**
 * One fresh page load running one variant. Loads of the floor and of
 * Backstory also run the probes: the floor's page stands in for "without
 * Backstory", its own work having left the DOM as it was.
 */
export async function measureLoad(browser: BenchBrowser, plan: LoadPlan): Promise<{ run: Omit<RunSample, 'round'>; probes: ProbeSample | null }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    // As the content script does at document_start: our highlight styles are in place before the page has elements.
    if (plan.variant === 'backstory') await page.addInitScript(adoptStylesEarly, HIGHLIGHT_CSS);
    await page.goto(plan.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await inject(page, plan);
    await page.evaluate(() => window.__bench!.settle());
    const trace = await startTrace(page);
    const harnessRun = await page.evaluate(
      ({ variant, matcherWire, regexps }) => window.__bench!.run(variant, matcherWire, regexps),
      { variant: plan.variant, matcherWire: plan.matcherWire, regexps: plan.regexps },
    );
    const mentions = harnessRun.mentions ?? 0;
    // Outside the run's marks, before anything scrolls: a run that painted nothing may have had nothing it should paint.
    const noHighlightDue =
      plan.variant === 'backstory' && mentions > 0 && harnessRun.firstHighlightMs === null && (await page.evaluate(() => window.__backstoryBench!.noHighlightDue()));
    let hover: HoverTiming | null = null;
    let scroll: number[] = [];
    let mutationsScriptMs: number | null = null;
    const probing = plan.variant === 'backstory' || plan.variant === 'floor';
    let hoverDue = plan.variant === 'backstory' && mentions > 0;
    if (probing) {
      if (hoverDue) {
        hover = await page.evaluate((lookups) => window.__backstoryBench!.hoverTiming(lookups), HOVER_LOOKUPS);
        checkHits(plan.url, hover);
        // Names no pointer can reach (hidden in a closed menu, under a banner, not laid out) give no hover to time: none
        // was due. A lookup that missed a name it could reach stopped the run above.
        hoverDue = hover.lookups > 0;
      }
      scroll = (await page.evaluate(() => window.__bench!.scroll())).intervals;
      mutationsScriptMs = (await page.evaluate(() => window.__bench!.mutate())).scriptMs;
    }
    const events = await trace.stop();
    const runWindow = busyBetween(events, MARKS.runStart, MARKS.runEnd);
    const { textChars, textNodes, longtaskMaxMs, loafMaxMs, ...measured } = harnessRun;
    const run: Omit<RunSample, 'round'> = {
      variant: plan.variant,
      ...measured,
      mainThreadMs: runWindow?.busyMs ?? null,
      mainThreadCpuMs: runWindow?.cpuMs ?? null,
      // The observers only see tasks over 50 ms; the trace sees them all.
      longestSliceMs: runWindow?.longestTaskMs ?? longtaskMaxMs,
      longtaskMaxMs,
      loafMaxMs,
      noHighlightDue,
      textChars,
      textNodes,
    };
    if (!probing) return { run, probes: null };
    const scrollWindow = busyBetween(events, MARKS.scrollStart, MARKS.scrollEnd);
    return {
      run,
      probes: {
        hoverLookupMs: hover?.perLookupMs ?? null,
        hoverFirstLookupMs: hover?.firstLookupMs ?? null,
        hoverColdLookupMs: hover?.coldLookupMs ?? null,
        hoverLookups: hover?.lookups ?? null,
        hoverHits: hover?.hits ?? null,
        hoverDue,
        mutationsMs: busyBetween(events, MARKS.mutationsStart, MARKS.mutationsEnd)?.busyMs ?? null,
        mutationsScriptMs,
        mutationsTaskMs: taskAround(events, MARKS.mutationsStart),
        scrollFrameMs: scrollWindow ? scrollWindow.busyMs / SCROLL_STEPS : null,
        scrollIntervalMs: median(scroll),
      },
    };
  } finally {
    await context.close();
  }
}
