/**
 * Bundled into every benchmark page (bench/bundles.ts): runs one variant in a
 * window bounded by performance marks, and the scroll and mutation probes.
 */
import type { MatcherWire } from '../core/matcher';
import { ALIAS_REGEXP_FLAGS } from './alias-regex';
import type { BaselineRegExps, Harness, HarnessRun } from './bench-api';
import { MARKS } from './marks';
import { BASELINE_CSS, markWithMarkJs, readAllText, walkStructure, wrapMentions } from './page-baselines';
import { watchLongFrames } from './page-long-frames';
import { mutationProbe, scrollProbe } from './page-probes';
import { afterNextPaint, nextFrame, nextTask, sleep } from './page-paint';
import type { VariantId } from './types';

type MemoryPerformance = Performance & { memory?: { usedJSHeapSize: number } };

/** Chromium refreshes performance.memory at most every 50 ms, even with --enable-precise-memory-info. */
const MEMORY_REFRESH_MS = 60;

/**
 * JS heap in use after full collections; null without --expose-gc or
 * performance.memory. Three in a row: garbage held across the JS and DOM
 * heaps can need more than one round to go.
 */
async function settledHeap(): Promise<number | null> {
  const memory = (performance as MemoryPerformance).memory;
  if (!window.gc || !memory) return null;
  for (let round = 0; round < 3; round++) window.gc();
  await sleep(MEMORY_REFRESH_MS);
  return memory.usedJSHeapSize;
}

interface Outcome {
  mentions: number | null;
  /** When the variant itself knows its first painted frame (Backstory); the others show everything at once. */
  firstPaintAt?: number | null;
  text?: { chars: number; nodes: number };
}

async function runVariant(variant: VariantId, matcher: MatcherWire, regexps: BaselineRegExps): Promise<Outcome> {
  switch (variant) {
    case 'floor':
      return { mentions: null, text: readAllText(document.body) };
    case 'structure':
      walkStructure(document.body);
      return { mentions: null };
    case 'backstory': {
      const backstory = window.__backstoryBench;
      if (!backstory) throw new Error('the Backstory bundle is not on the page');
      return backstory.run(matcher);
    }
    case 'markjs':
      return { mentions: markWithMarkJs(document.body, new RegExp(regexps.aliases, ALIAS_REGEXP_FLAGS)) };
    case 'markjs-forms':
      return { mentions: markWithMarkJs(document.body, new RegExp(regexps.forms, ALIAS_REGEXP_FLAGS)) };
    case 'wrap':
      return { mentions: wrapMentions(document.body, new RegExp(regexps.aliases, ALIAS_REGEXP_FLAGS)) };
  }
}

async function run(variant: VariantId, matcher: MatcherWire, regexps: BaselineRegExps): Promise<HarnessRun> {
  const heapBefore = await settledHeap();
  const longFrames = watchLongFrames();
  // A task of its own, apart from the DevTools call that asked for it.
  await nextTask();
  performance.mark(MARKS.runStart);
  const t0 = performance.now();
  const outcome = await runVariant(variant, matcher, regexps);
  let firstPaintAt = outcome.firstPaintAt;
  if (variant !== 'backstory') {
    // Backstory's run awaits its own first paint; the others change the page synchronously.
    firstPaintAt = await afterNextPaint();
    await nextFrame();
  }
  const wallMs = performance.now() - t0;
  performance.mark(MARKS.runEnd);
  const long = await longFrames.stop();
  const heapAfter = await settledHeap();
  return {
    wallMs,
    firstHighlightMs: variant === 'floor' || variant === 'structure' || firstPaintAt == null ? null : firstPaintAt - t0,
    mentions: outcome.mentions,
    heapAddedBytes: heapBefore === null || heapAfter === null ? null : heapAfter - heapBefore,
    ...long,
    textChars: outcome.text?.chars ?? null,
    textNodes: outcome.text?.nodes ?? null,
  };
}

/** Lets the page finish its first layout and paint, so no variant is billed for them. */
async function settle(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = BASELINE_CSS;
  (document.head ?? document.documentElement).append(style);
  await document.fonts?.ready;
  await afterNextPaint();
  await sleep(50);
  await afterNextPaint();
  // The load's garbage, collected now: otherwise the first run's "before" can still hold some of it.
  await settledHeap();
}

const harness: Harness = { settle, run, scroll: scrollProbe, mutate: mutationProbe };
window.__bench = harness;
