import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CARD_SHOWN_CLASS, CARD_SHOWN_SHEET } from '../extension/card-shown';
import { HIGHLIGHT_CSS } from './highlight-styles';

/** The rules of a sheet with its comments taken out, at-rules' blocks opened: each selector and its declarations. */
function rulesOf(css: string): { selector: string; declarations: string }[] {
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@media[^{]*\{/g, '');
  return [...plain.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, declarations]) => ({ selector: selector!.trim(), declarations: declarations!.trim() }));
}

describe('highlight styles', () => {
  it('paint backgrounds only: a decoration or shadow costs a whole-page recompute on every highlight change', () => {
    expect(HIGHLIGHT_CSS).toMatch(/background-color/);
    expect(HIGHLIGHT_CSS).not.toMatch(/text-decoration|text-shadow|text-underline/);
  });

  it('keep system colours in forced-colors mode', () => {
    expect(HIGHLIGHT_CSS).toMatch(/@media \(forced-colors: active\)[^@]*Mark[^@]*Highlight/);
  });

  it('style nothing but our highlights: the browser adds them to every page, which reads what they give its elements', () => {
    const rules = rulesOf(HIGHLIGHT_CSS);
    expect(rules.length).toBeGreaterThanOrEqual(4);
    for (const { selector } of rules) expect(selector).toMatch(/^::highlight\(backstory-[a-z]+\)(, ::highlight\(backstory-[a-z]+\))*$/);
    // No custom property, which a page reads on any element it inherits to.
    expect(HIGHLIGHT_CSS).not.toMatch(/--[a-z]/);
  });
});

describe('what shows the card in Firefox', () => {
  it('is the background’s sheet, which outranks the card’s own rule that hides what the card script renders into, under the class the card’s styles hide', () => {
    expect(CARD_SHOWN_SHEET).toBe(`.${CARD_SHOWN_CLASS} { visibility: visible !important; }`);
    expect(readFileSync('components/card.css', 'utf8')).toContain(`\n.${CARD_SHOWN_CLASS} {\n  visibility: hidden;\n}`);
  });
});
