import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CSS } from './highlight-styles';

describe('highlight styles', () => {
  it('paint backgrounds only: a decoration or shadow costs a whole-page recompute on every highlight change', () => {
    expect(HIGHLIGHT_CSS).toMatch(/background-color/);
    expect(HIGHLIGHT_CSS).not.toMatch(/text-decoration|text-shadow|text-underline/);
  });

  it('keep system colours in forced-colors mode', () => {
    expect(HIGHLIGHT_CSS).toMatch(/@media \(forced-colors: active\)[^@]*Mark[^@]*Highlight/);
  });
});
