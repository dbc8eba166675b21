import { describe, expect, it } from 'vitest';
import { summarizeLongest } from './traced-loads';

describe('summarizeLongest', () => {
  it('keeps the longest task of any load beside the median, and lists a page no load gave one for', () => {
    const longest = new Map([['demo', [{ ms: 9, cpuMs: 8 }, { ms: 20, cpuMs: 10 }, { ms: 11, cpuMs: 9 }]]]);
    expect(summarizeLongest(['demo', 'folha'], longest)).toEqual([
      { page: 'demo', wallMs: 11, cpuMs: 9, wallMaxMs: 20, runs: 3 },
      { page: 'folha', wallMs: null, cpuMs: null, wallMaxMs: null, runs: 0 },
    ]);
  });
});
