import { describe, expect, it } from 'vitest';
import { aliasTextsRegExpSource, ALIAS_REGEXP_FLAGS, formsRegExpSource } from './alias-regex';
import { compileMatcher, createMatchState, type MatchableEntity } from '../core/matcher';

const entity = (id: string, name: string, aliases: [string, ('always' | 'never')?][]): MatchableEntity => ({
  id,
  name,
  category: 'country',
  aliases: aliases.map(([text, rule = 'always']) => ({ text, rule, exclude: [], ambiguous: false })),
});

const entities = [
  entity('russia', 'Russia', [['Russia'], ['Russian Federation']]),
  entity('united-states', 'United States', [['U.S.'], ['US']]),
  entity('kim', 'Kim Jong Un', [['Kim', 'never']]),
  entity('mieville', 'Miéville', []),
  entity('beijing', '北京', []),
];
const matchesOf = (source: string) => (text: string) => [...text.matchAll(new RegExp(source, ALIAS_REGEXP_FLAGS))].map((m) => m[0]);
const matches = matchesOf(formsRegExpSource(entities));
/** What Backstory's own matcher finds in the same text. */
const matcher = compileMatcher(entities);
const found = (text: string) => matcher.scan(text, createMatchState()).map((span) => text.slice(span.start, span.end));

describe('aliasTextsRegExpSource', () => {
  const source = aliasTextsRegExpSource(entities);
  const texts = matchesOf(source);

  it('is the alias texts that can count, escaped, longest first, in one alternation between word edges', () => {
    expect(source).toBe('(?<![\\p{L}\\p{M}\\p{N}_])(?:Russian Federation|United States|Kim Jong Un|Miéville|Russia|U\\.S\\.|US|北京)(?![\\p{L}\\p{M}\\p{N}_])');
  });

  it('matches the texts as written, on Unicode word edges, a final dot included', () => {
    expect(texts('The Russian Federation, the U.S. said; Russians, USA, Miévilleé, Kim')).toEqual(['Russian Federation', 'U.S.']);
  });

  it('searches no generated form: a mark.js user’s regex misses them', () => {
    expect(texts('RUSSIAN FEDERATION, Kim Jong-un, Russian\u00a0Federation, #RussianFederation')).toEqual([]);
  });
});

describe('formsRegExpSource', () => {
  it('matches names on word edges, longest first', () => {
    expect(matches('The Russian Federation and Russia’s allies')).toEqual(['Russian Federation', 'Russia']);
    expect(matches('Russian officials in Russians, Russiaé')).toEqual([]);
  });

  it('escapes dots and keeps a name ending in a dot matchable', () => {
    expect(matches('the U.S. said, USX and U-S-')).toEqual(['U.S.']);
    expect(matches('US-led')).toEqual(['US']);
  });

  it('leaves out aliases that never count', () => {
    expect(matches('Kim said Kim Jong Un')).toEqual(['Kim Jong Un']);
  });

  it('searches the forms Backstory generates: ALL CAPS, a capital dropped after a dash only, decomposed accents, run together', () => {
    expect(matches('RUSSIAN FEDERATION, Kim Jong-un, Kim Jong un, Mie\u0301ville, #RussianFederation')).toEqual([
      'RUSSIAN FEDERATION',
      'Kim Jong-un',
      'Mie\u0301ville',
      'RussianFederation',
    ]);
  });

  it('takes any space run, no-break space or single dash between words, as the scanner does, but not a sentence dash', () => {
    expect(matches('Kim\u00a0Jong\u2013Un, Russian  Federation, Russian\u2011Federation')).toEqual(['Kim\u00a0Jong\u2013Un', 'Russian  Federation', 'Russian\u2011Federation']);
    expect(matches('Kim - Jong Un')).toEqual([]);
  });

  it('needs no word edge around a name in a script written without spaces', () => {
    expect(matches('在北京市')).toEqual(['北京']);
  });

  it('finds what the matcher finds where the matcher decides nothing after the hit', () => {
    const text = 'RUSSIAN FEDERATION: Kim\u00a0Jong\u2011un met the U.S. envoy in 北京; Mie\u0301ville and Russia’s Russian\u2013Federation.';
    expect(matches(text)).toEqual(found(text));
  });
});
