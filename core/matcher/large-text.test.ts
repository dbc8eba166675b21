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

// A hostile page's run of hyphen-joined names, one line with no space: each name is a hit whose neighbours are looked
// at. Read whole at every hit, it took minutes; bounded, milliseconds. The limit only catches that, not a timing.
describe('a run of 50,000 hyphen-joined names', () => {
  const matcher = compileMatcher(SUMMIT_ENTITIES);
  it.each(['US-', 'Kim-', 'Washington-'])('of “%s” is scanned without reading the run at every name in it', (unit) => {
    const mentions = matcher.scan(unit.repeat(50_000), createMatchState());
    expect(mentions.length).toBeLessThanOrEqual(50_000);
  }, 20_000);
});
