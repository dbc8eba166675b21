import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trieExpression } from './word-trie';

describe('trieExpression', () => {
  it('shares the letters words begin with', () => {
    expect(trieExpression(['Kim', 'Kirby', 'Korea'])).toBe('K(?:i(?:m|rby)|orea)');
    expect(trieExpression(['Putin', 'Pyongyang', 'Russia'])).toBe('P(?:utin|yongyang)|Russia');
  });

  it('stops at a word another one begins with, and escapes what regular expressions read', () => {
    expect(trieExpression(['US', 'USA', 'U.S.'])).toBe('U(?:S|\\.S\\.)');
    expect(new RegExp(trieExpression(['D.P.R.K.'])).test('DXPXRXKX')).toBe(false);
  });

  it('puts what it is given between every two letters', () => {
    const expression = new RegExp(trieExpression(['Russia'], '\u00ad?'));
    expect(expression.test('Rus\u00adsia')).toBe(true);
  });

  it('finds each word wherever the words joined by | find it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '.', '(', '|', 'é'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', 'A', '.', '(', '|', 'é', ' '), maxLength: 30 }), (words, text) => {
        const escaped = words.map((w) => w.replace(/[\^$\\.*+?()[\]{}|/]/g, '\\$&')).join('|');
        const places = (source: string) => [...text.matchAll(new RegExp(`(?=${source})`, 'g'))].map((m) => m.index);
        expect(places(trieExpression(words))).toEqual(places(escaped));
      }),
    );
  });
});
