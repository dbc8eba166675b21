import { difference, median, ratio } from './stats';
import { VARIANTS, type PageSummary, type ProbeSample, type RunSample, type VariantSummary } from './types';

const MIB = 1024 * 1024;

/** Medians per variant over the repetitions, then the ratios between those medians. */
export function summarizePage(page: string, runs: readonly RunSample[], withBackstory: readonly ProbeSample[], without: readonly ProbeSample[]): PageSummary {
  const textChars = median(runs.map((r) => r.textChars));
  const textNodes = median(runs.map((r) => r.textNodes));
  const medians = VARIANTS.map((variant) => {
    const of = runs.filter((r) => r.variant === variant);
    const pick = (key: keyof RunSample) => median(of.map((r) => r[key] as number | null));
    return {
      variant,
      runs: of.length,
      mainThreadMs: pick('mainThreadMs'),
      mainThreadCpuMs: pick('mainThreadCpuMs'),
      wallMs: pick('wallMs'),
      longestSliceMs: pick('longestSliceMs'),
      longtaskMaxMs: pick('longtaskMaxMs'),
      loafMaxMs: pick('loafMaxMs'),
      firstHighlightMs: pick('firstHighlightMs'),
      mentions: pick('mentions'),
      heapAddedBytes: pick('heapAddedBytes'),
    };
  }).filter((v) => v.runs > 0);
  const floor = medians.find((v) => v.variant === 'floor')?.mainThreadMs;
  const structure = medians.find((v) => v.variant === 'structure')?.mainThreadMs;
  const markjs = medians.find((v) => v.variant === 'markjs')?.mainThreadMs;
  const variants: VariantSummary[] = medians.map((v) => ({
    ...v,
    msPerMiB: textChars ? ratio(v.mainThreadMs, textChars / MIB) : null,
    vsFloor: ratio(v.mainThreadMs, floor),
    vsStructure: ratio(v.mainThreadMs, structure),
    vsMarkjs: ratio(v.mainThreadMs, markjs),
  }));
  const probe = (samples: readonly ProbeSample[], key: keyof ProbeSample) => median(samples.map((s) => s[key]));
  const mutationsWithout = probe(without, 'mutationsMs');
  const mutationsWith = probe(withBackstory, 'mutationsMs');
  const scrollWithout = probe(without, 'scrollFrameMs');
  const scrollWith = probe(withBackstory, 'scrollFrameMs');
  return {
    page,
    textChars,
    textNodes,
    variants,
    hoverLookupMs: probe(withBackstory, 'hoverLookupMs'),
    mutations: {
      withoutMs: mutationsWithout,
      withMs: mutationsWith,
      addedMs: difference(mutationsWith, mutationsWithout),
      scriptWithoutMs: probe(without, 'mutationsScriptMs'),
      scriptWithMs: probe(withBackstory, 'mutationsScriptMs'),
    },
    mutationsTask: {
      withoutMs: probe(without, 'mutationsTaskMs'),
      withMs: probe(withBackstory, 'mutationsTaskMs'),
      addedMs: difference(probe(withBackstory, 'mutationsTaskMs'), probe(without, 'mutationsTaskMs')),
    },
    scrollFrame: {
      withoutMs: scrollWithout,
      withMs: scrollWith,
      addedMs: difference(scrollWith, scrollWithout),
      intervalWithoutMs: probe(without, 'scrollIntervalMs'),
      intervalWithMs: probe(withBackstory, 'scrollIntervalMs'),
    },
  };
}
