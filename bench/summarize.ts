import { difference, max, median, ratio } from './stats';
import { VARIANTS, type PageSummary, type ProbeFigure, type ProbeSample, type RunFigure, type RunSample, type VariantId, type VariantSummary } from './types';

const MIB = 1024 * 1024;

/** The variants that paint what they find: the floor and the structure walk show nothing, so no first highlight is due from them. */
const HIGHLIGHTING: ReadonlySet<VariantId> = new Set(['backstory', 'markjs', 'wrap']);

/** Whether `run` should have given `figure`: a null then is a failed measurement, which a median would hide. */
function runDue(run: RunSample, figure: RunFigure): boolean {
  if (figure !== 'firstHighlightMs') return true;
  return HIGHLIGHTING.has(run.variant) && (run.mentions ?? 0) > 0 && !run.noHighlightDue;
}

function probeDue(sample: ProbeSample, figure: ProbeFigure): boolean {
  return figure === 'hoverLookupMs' || figure === 'hoverFirstLookupMs' || figure === 'hoverColdLookupMs' ? sample.hoverDue : true;
}

/** Per figure, how many of `items` should have had it and have none; figures missed by none are left out. */
function countUnmeasured<T, F extends string>(items: readonly T[], figures: readonly F[], value: (item: T, figure: F) => number | null, due: (item: T, figure: F) => boolean): Partial<Record<F, number>> {
  const counts: Partial<Record<F, number>> = {};
  for (const figure of figures) {
    const missing = items.filter((item) => due(item, figure) && value(item, figure) === null).length;
    if (missing > 0) counts[figure] = missing;
  }
  return counts;
}

const RUN_FIGURES: readonly RunFigure[] = ['mainThreadMs', 'longestSliceMs', 'firstHighlightMs'];
const PROBE_FIGURES: readonly ProbeFigure[] = ['hoverLookupMs', 'hoverFirstLookupMs', 'mutationsTaskMs', 'scrollFrameMs'];

const sum = (values: readonly (number | null)[]) => values.reduce<number>((total, v) => total + (v ?? 0), 0);

/**
 * Median over the rounds of `variant`'s main-thread time over `base`'s in the
 * same round: the runs of one round ran one after the other, so they share
 * the machine's state, which a ratio of two medians taken apart would not.
 */
export function pairedRatio(runs: readonly RunSample[], variant: VariantId, base: VariantId): number | null {
  const ratios = runs
    .filter((run) => run.variant === variant)
    .map((run) => ratio(run.mainThreadMs, runs.find((other) => other.variant === base && other.round === run.round)?.mainThreadMs));
  return median(ratios);
}

/** Medians per variant over the repetitions, and ratios paired by round. */
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
      longestSliceMaxMs: max(of.map((r) => r.longestSliceMs)),
      longtaskMaxMs: pick('longtaskMaxMs'),
      loafMaxMs: pick('loafMaxMs'),
      firstHighlightMs: pick('firstHighlightMs'),
      mentions: pick('mentions'),
      heapAddedBytes: pick('heapAddedBytes'),
      unmeasured: countUnmeasured(of, RUN_FIGURES, (run, figure) => run[figure], runDue),
    };
  }).filter((v) => v.runs > 0);
  const variants: VariantSummary[] = medians.map(({ unmeasured, ...v }) => ({
    ...v,
    msPerMiB: textChars ? ratio(v.mainThreadMs, textChars / MIB) : null,
    vsFloor: pairedRatio(runs, v.variant, 'floor'),
    vsStructure: pairedRatio(runs, v.variant, 'structure'),
    vsMarkjs: pairedRatio(runs, v.variant, 'markjs'),
    unmeasured,
  }));
  const probe = (samples: readonly ProbeSample[], key: keyof ProbeSample) => median(samples.map((s) => s[key] as number | null));
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
    hoverFirstLookupMs: probe(withBackstory, 'hoverFirstLookupMs'),
    hoverColdLookupMs: probe(withBackstory, 'hoverColdLookupMs'),
    hoverLookups: sum(withBackstory.map((s) => s.hoverLookups)),
    hoverHits: sum(withBackstory.map((s) => s.hoverHits)),
    probeRuns: { with: withBackstory.length, without: without.length },
    probesUnmeasured: countUnmeasured([...withBackstory, ...without], PROBE_FIGURES, (sample, figure) => sample[figure], probeDue),
    samples: { runs: [...runs], withBackstory: [...withBackstory], without: [...without] },
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
