import { describe, expect, it } from 'vitest';
import { checkHits } from './measure-load';

describe('checkHits', () => {
  it('stops the run when a hover lookup over a mention found none', () => {
    expect(() => checkHits('http://x/demo', { perLookupMs: 0.02, firstLookupMs: 0.1, coldLookupMs: 5, lookups: 1001, hits: 1001 })).not.toThrow();
    expect(() => checkHits('http://x/demo', { perLookupMs: 0.02, firstLookupMs: 0.1, coldLookupMs: 5, lookups: 1001, hits: 998 })).toThrow(
      'http://x/demo: 3 of 1001 hover lookups found no mention under a point chosen over one',
    );
  });
});
