import { describe, expect, it } from 'vitest';
import { summarizePage } from './summarize';
import type { RunSample, VariantId } from './types';

function run(variant: VariantId, mainThreadMs: number): RunSample {
  return {
    variant, mainThreadMs, mainThreadCpuMs: mainThreadMs, wallMs: mainThreadMs, longestSliceMs: null, longtaskMaxMs: null, loafMaxMs: null,
    firstHighlightMs: null, mentions: null, heapAddedBytes: null, textChars: 2 * 1024 * 1024, textNodes: 1000,
  };
}

describe('summarizePage', () => {
  it('gives each variant its median and its ratios to the floor, the structure walk and mark.js', () => {
    const runs = [
      ...[50, 40, 60].map((ms) => run('floor', ms)),
      ...[80, 90, 70].map((ms) => run('structure', ms)),
      ...[240, 300, 200].map((ms) => run('backstory', ms)),
      ...[1200, 1000, 1100].map((ms) => run('markjs', ms)),
    ];
    const { variants } = summarizePage('synthetic', runs, [], []);
    const backstory = variants.find((v) => v.variant === 'backstory')!;
    expect(backstory).toMatchObject({ mainThreadMs: 240, msPerMiB: 120, vsFloor: 4.8, vsStructure: 3, vsMarkjs: 240 / 1100 });
    expect(variants.find((v) => v.variant === 'structure')).toMatchObject({ vsFloor: 1.6, vsStructure: 1 });
    // A variant not run is left out, not shown as zero.
    expect(variants.map((v) => v.variant)).toEqual(['floor', 'structure', 'backstory', 'markjs']);
  });

  it('has no ratio to the structure walk when it was not run', () => {
    const { variants } = summarizePage('demo', [run('floor', 2), run('backstory', 6)], [], []);
    expect(variants.find((v) => v.variant === 'backstory')).toMatchObject({ vsFloor: 3, vsStructure: null });
  });
});
