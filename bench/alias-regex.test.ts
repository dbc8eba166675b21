import { describe, expect, it } from 'vitest';
import { aliasRegExpSource, ALIAS_REGEXP_FLAGS } from './alias-regex';
import type { MatchableEntity } from '../core/matcher';

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
];
const matches = (text: string) => [...text.matchAll(new RegExp(aliasRegExpSource(entities), ALIAS_REGEXP_FLAGS))].map((m) => m[0]);

describe('aliasRegExpSource', () => {
  it('matches names on word edges, longest first', () => {
    expect(matches('The Russian Federation and Russia’s allies')).toEqual(['Russian Federation', 'Russia']);
    expect(matches('Russian officials in Russians')).toEqual([]);
  });

  it('escapes dots and keeps a name ending in a dot matchable', () => {
    expect(matches('the U.S. said, USX and U-S-')).toEqual(['U.S.']);
    expect(matches('US-led')).toEqual(['US']);
  });

  it('leaves out aliases that never count', () => {
    expect(matches('Kim said Kim Jong Un')).toEqual(['Kim Jong Un']);
  });
});
