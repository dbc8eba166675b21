import type { MatcherWire } from '../core/matcher';
import type { BenchBrowser } from './bench-browser';
import type { Bundles } from './bundles';
import { measureLoad } from './measure-load';
import { summarizePage } from './summarize';
import { VARIANTS, VARIANT_LABELS, type PageSummary, type ProbeSample, type RunSample, type VariantId } from './types';

export interface PagePlan {
  name: string;
  url: string;
  repetitions: number;
  /** The story compiled as the background sends it to pages. */
  matcherWire: MatcherWire;
  aliasRegExp: string;
  bundles: Bundles;
  log: (line: string) => void;
}

/** The variants in turn, starting one later each round, so no variant always runs first on a cold browser. */
export function variantOrder(round: number): VariantId[] {
  const shift = round % VARIANTS.length;
  return [...VARIANTS.slice(shift), ...VARIANTS.slice(0, shift)];
}

/** Every variant on one page, `repetitions` rounds of fresh loads, alternating. */
export async function benchPage(browser: BenchBrowser, plan: PagePlan): Promise<PageSummary> {
  const runs: RunSample[] = [];
  const withBackstory: ProbeSample[] = [];
  const without: ProbeSample[] = [];
  for (let round = 0; round < plan.repetitions; round++) {
    for (const variant of variantOrder(round)) {
      const { run, probes } = await measureLoad(browser, { ...plan, variant });
      runs.push(run);
      if (probes) (variant === 'backstory' ? withBackstory : without).push(probes);
      const ms = run.mainThreadMs === null ? '—' : run.mainThreadMs.toFixed(1);
      plan.log(`  ${plan.name} #${round + 1} ${VARIANT_LABELS[variant]}: ${ms} ms main thread, ${run.mentions ?? '—'} mentions`);
    }
  }
  return summarizePage(plan.name, runs, withBackstory, without);
}
