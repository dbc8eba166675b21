import { describe, expect, it } from 'vitest';
import { pageAddress } from './page-address';

const story = 'https://news.example/story?id=4';

describe('a page’s address as stored', () => {
  it('is the address without its fragment', () => {
    expect(pageAddress(story)).toBe(story);
    expect(pageAddress(`${story}#comments`)).toBe(story);
  });

  it('is at most 512 characters however long the address, and keeps its start readable', () => {
    const long = `${story}&state=${'x'.repeat(1_900_000)}`;
    const stored = pageAddress(long);
    expect(stored.length).toBeLessThanOrEqual(512);
    expect(stored.startsWith(story)).toBe(true);
    expect(pageAddress(`${long}#${'y'.repeat(100_000)}`)).toBe(stored);
  });

  it('tells apart long addresses that differ only after their start, or only in length', () => {
    const base = `${story}&state=${'x'.repeat(10_000)}`;
    const stored = new Set([pageAddress(`${base}a`), pageAddress(`${base}b`), pageAddress(`${base}ab`), pageAddress(`${base}ba`), pageAddress(base)]);
    expect(stored.size).toBe(5);
  });

  it('returns a stored address unchanged, so stored and fresh ones compare alike', () => {
    for (const url of [story, `${story}#top`, `${story}&state=${'x'.repeat(5000)}#top`]) expect(pageAddress(pageAddress(url))).toBe(pageAddress(url));
  });
});
