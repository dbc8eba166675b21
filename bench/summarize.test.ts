import { describe, expect, it } from 'vitest';
import { pairedRatio, summarizePage } from './summarize';
import type { ProbeSample, RunSample, VariantId } from './types';

function run(variant: VariantId, mainThreadMs: number | null, more: Partial<RunSample> = {}): RunSample {
  return {
    variant, round: 0, mainThreadMs, mainThreadCpuMs: mainThreadMs, wallMs: mainThreadMs ?? 0, longestSliceMs: null, longtaskMaxMs: null, loafMaxMs: null,
    firstHighlightMs: null, mentions: null, noHighlightDue: false, heapAddedBytes: null, textChars: 2 * 1024 * 1024, textNodes: 1000,
    ...more,
  };
}

function probes(more: Partial<ProbeSample> = {}): ProbeSample {
  return {
    hoverLookupMs: null, hoverFirstLookupMs: null, hoverColdLookupMs: null, hoverLookups: null, hoverHits: null, hoverDue: false,
    mutationsMs: 10, mutationsScriptMs: 1, mutationsTaskMs: 2, scrollFrameMs: 1, scrollIntervalMs: 16.7,
    ...more,
  };
}

describe('summarizePage', () => {
  it('gives each variant its median and its ratios to the floor, the structure walk and mark.js', () => {
    const runs = [
      ...[50, 40, 60].map((ms, round) => run('floor', ms, { round })),
      ...[80, 80, 60].map((ms, round) => run('structure', ms, { round })),
      ...[240, 240, 240].map((ms, round) => run('backstory', ms, { round })),
      ...[1200, 1200, 1200].map((ms, round) => run('markjs', ms, { round })),
    ];
    const { variants } = summarizePage('synthetic', runs, [], []);
    const backstory = variants.find((v) => v.variant === 'backstory')!;
    expect(backstory).toMatchObject({ mainThreadMs: 240, msPerMiB: 120, vsFloor: 4.8, vsStructure: 3, vsMarkjs: 0.2 });
    expect(variants.find((v) => v.variant === 'structure')).toMatchObject({ vsFloor: 1.6, vsStructure: 1 });
    // A variant not run is left out, not shown as zero.
    expect(variants.map((v) => v.variant)).toEqual(['floor', 'structure', 'backstory', 'markjs']);
  });

  it('takes each ratio as the median over the rounds of the two variants’ runs of one round, not as a ratio of medians', () => {
    // A busy second round slows both variants: its ratio is as the others', the medians' ratio (300 / 100) is not.
    const runs = [
      ...[100, 400, 90].map((ms, round) => run('floor', ms, { round })),
      ...[200, 800, 300].map((ms, round) => run('backstory', ms, { round })),
    ];
    const backstory = summarizePage('synthetic', runs, [], []).variants.find((v) => v.variant === 'backstory')!;
    expect(backstory).toMatchObject({ mainThreadMs: 300, vsFloor: 2 });
    expect(pairedRatio(runs, 'backstory', 'floor')).toBe(2);
    // A round whose floor gave no figure gives no ratio.
    expect(pairedRatio([run('backstory', 10, { round: 1 }), run('floor', null, { round: 1 })], 'backstory', 'floor')).toBeNull();
  });

  it('keeps every load’s figures, so the summary can be checked again', () => {
    const runs = [run('floor', 10), run('backstory', 20)];
    const withBackstory = [probes({ hoverDue: true, hoverLookupMs: 0.05 })];
    expect(summarizePage('demo', runs, withBackstory, [probes()]).samples).toEqual({ runs, withBackstory, without: [probes()] });
  });

  it('has no ratio to the structure walk when it was not run', () => {
    const { variants } = summarizePage('demo', [run('floor', 2), run('backstory', 6)], [], []);
    expect(variants.find((v) => v.variant === 'backstory')).toMatchObject({ vsFloor: 3, vsStructure: null });
  });

  it('keeps the longest slice of any run beside the median of each run’s longest', () => {
    const runs = [8, 9, 30].map((ms) => run('backstory', 50, { longestSliceMs: ms }));
    expect(summarizePage('demo', runs, [], []).variants[0]).toMatchObject({ longestSliceMs: 9, longestSliceMaxMs: 30 });
  });

  it('counts the runs that should have had a figure and had none, instead of letting the median skip them', () => {
    const runs = [
      run('backstory', 50, { longestSliceMs: 8, mentions: 10, firstHighlightMs: 20 }),
      run('backstory', null, { longestSliceMs: null, mentions: 10, firstHighlightMs: null }),
      // Over 500 names, none near the viewport: no highlight was due.
      run('backstory', 50, { longestSliceMs: 8, mentions: 900, firstHighlightMs: null, noHighlightDue: true }),
      // No mentions: nothing to paint.
      run('backstory', 50, { longestSliceMs: 8, mentions: 0, firstHighlightMs: null }),
      // The floor paints nothing ever.
      run('floor', 10, { longestSliceMs: 10 }),
    ];
    const { variants } = summarizePage('demo', runs, [], []);
    expect(variants.find((v) => v.variant === 'backstory')).toMatchObject({ firstHighlightMs: 20, unmeasured: { mainThreadMs: 1, longestSliceMs: 1, firstHighlightMs: 1 } });
    expect(variants.find((v) => v.variant === 'floor')!.unmeasured).toEqual({});
  });

  it('counts hover figures missing only where there were mentions to hover, and gathers lookups and hits', () => {
    const withBackstory = [
      probes({ hoverDue: true, hoverLookupMs: 0.05, hoverFirstLookupMs: 3, hoverLookups: 1001, hoverHits: 1001 }),
      probes({ hoverDue: true, hoverLookupMs: 0.07, hoverFirstLookupMs: 5, hoverLookups: 1001, hoverHits: 1001 }),
      probes({ hoverDue: true, mutationsTaskMs: null }),
    ];
    const summary = summarizePage('demo', [], withBackstory, [probes(), probes()]);
    expect(summary.hoverLookupMs).toBeCloseTo(0.06);
    expect(summary).toMatchObject({
      hoverFirstLookupMs: 4,
      hoverLookups: 2002,
      hoverHits: 2002,
      probeRuns: { with: 3, without: 2 },
      probesUnmeasured: { hoverLookupMs: 1, hoverFirstLookupMs: 1, mutationsTaskMs: 1 },
    });
    expect(summarizePage('qq', [], [probes(), probes()], [probes()]).probesUnmeasured).toEqual({});
  });
});
