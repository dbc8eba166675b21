import type { MatcherWire } from '../core/matcher';
import type { BaselineRegExps } from './bench-api';
import type { BenchBrowser } from './bench-browser';
import type { Bundles } from './bundles';
import { measureLoad } from './measure-load';
import { summarizePage } from './summarize';
import { SYNTHETIC_ONLY, SYNTHETIC_PAGE, VARIANTS, VARIANT_LABELS, type PageSummary, type ProbeSample, type RunSample, type VariantId } from './types';

export interface PagePlan {
  name: string;
  url: string;
  repetitions: number;
  /** The story compiled as the background sends it to pages. */
  matcherWire: MatcherWire;
  regexps: BaselineRegExps;
  bundles: Bundles;
  log: (line: string) => void;
}

/** The variants run on `page`: the unjudged extras on the generated page only. */
export function variantsFor(page: string): VariantId[] {
  return VARIANTS.filter((variant) => page === SYNTHETIC_PAGE || !SYNTHETIC_ONLY.has(variant));
}

/** The variants in turn, starting one later each round, so no variant always runs first on a cold browser. */
export function variantOrder(round: number, variants: readonly VariantId[] = VARIANTS): VariantId[] {
  const shift = round % variants.length;
  return [...variants.slice(shift), ...variants.slice(0, shift)];
}

/** Every variant on one page, `repetitions` rounds of fresh loads, alternating. */
export async function benchPage(browser: BenchBrowser, plan: PagePlan): Promise<PageSummary> {
  const runs: RunSample[] = [];
  const withBackstory: ProbeSample[] = [];
  const without: ProbeSample[] = [];
  for (let round = 0; round < plan.repetitions; round++) {
    for (const variant of variantOrder(round, variantsFor(plan.name))) {
      const { run, probes } = await measureLoad(browser, { ...plan, variant });
      runs.push({ ...run, round });
      if (probes) (variant === 'backstory' ? withBackstory : without).push(probes);
      const ms = run.mainThreadMs === null ? '—' : run.mainThreadMs.toFixed(1);
      plan.log(`  ${plan.name} #${round + 1} ${VARIANT_LABELS[variant]}: ${ms} ms main thread, ${run.mentions ?? '—'} mentions`);
    }
  }
  return summarizePage(plan.name, runs, withBackstory, without);
}
