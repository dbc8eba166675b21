import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CARD_SHOWN_PROPERTY, HIGHLIGHT_CSS } from './highlight-styles';

describe('highlight styles', () => {
  it('paint backgrounds only: a decoration or shadow costs a whole-page recompute on every highlight change', () => {
    expect(HIGHLIGHT_CSS).toMatch(/background-color/);
    expect(HIGHLIGHT_CSS).not.toMatch(/text-decoration|text-shadow|text-underline/);
  });

  it('keep system colours in forced-colors mode', () => {
    expect(HIGHLIGHT_CSS).toMatch(/@media \(forced-colors: active\)[^@]*Mark[^@]*Highlight/);
  });

  it('hold what shows the card, under the name the card’s styles read', () => {
    expect(HIGHLIGHT_CSS).toContain(`:root { ${CARD_SHOWN_PROPERTY}: visible; }`);
    expect(readFileSync('components/card.css', 'utf8')).toContain(`\nhtml {\n  visibility: var(${CARD_SHOWN_PROPERTY}, hidden);\n}`);
  });
});
