import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUMMIT_ENTITIES } from '../../tests/fixtures/summit-entities';
import { compileMatcher, createMatchState } from './index';

// Sanity on a 4 MB string, without timing assertions (timings live in
// scripts/matcher-bench.ts): every repetition must be seen, none twice.
describe('a 4 MB text', () => {
  const article = readFileSync(new URL('../../data/summit/article.txt', import.meta.url), 'utf8');
  const unit = `Vladimir Putin. ${article}\n`;
  const repeats = Math.ceil((4 * 1024 * 1024) / unit.length);
  const text = unit.repeat(repeats);

  it('yields the per-article mentions once per repetition', () => {
    const matcher = compileMatcher(SUMMIT_ENTITIES);
    const once = matcher.scan(unit, createMatchState()).length;
    expect(once).toBeGreaterThan(40);
    expect(matcher.scan(text, createMatchState())).toHaveLength(once * repeats);
  });
});
