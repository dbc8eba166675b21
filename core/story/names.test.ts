import { describe, expect, it } from 'vitest';
import { mentionsIn, mentionsWithDemonymsIn, referencesIn, referredIn } from './names';
import { EntitiesFileSchema } from './schema';

const entity = (id: string, name: string, category: string, ...aliases: object[]) => ({ id, name, category, aliases: [{ text: name }, ...aliases] });
/** "Korea" is a name of both Koreas too ambiguous to count, as the landed pack has it. */
const korea = { text: 'Korea', rule: 'never', ambiguous: true };
const entities = EntitiesFileSchema.parse([
  entity('vladimir-putin', 'Vladimir Putin', 'person', { text: 'Putin' }),
  entity('russia', 'Russia', 'country'),
  entity('north-korea', 'North Korea', 'country', korea),
  entity('south-korea', 'South Korea', 'country', korea),
  entity('soviet-union', 'Soviet Union', 'country'),
  entity('vietnam', 'Vietnam', 'country'),
  entity('united-states', 'United States', 'country'),
  entity('china', 'China', 'country'),
  entity('ministry', 'South Korean Foreign Ministry', 'organization', { text: 'South Korea’s Foreign Ministry' }),
]);
const ids = (found: Iterable<{ id: string }>) => [...found].map((e) => e.id).sort();

describe('referredIn', () => {
  it('counts a country’s adjective, but not “Korean” alone for either Korea', () => {
    expect(ids(referredIn('Russian President Vladimir Putin spoke.', '', entities))).toEqual(['russia', 'vladimir-putin']);
    expect(ids(referredIn('North Korean soldiers crossed into South Korean territory.', '', entities))).toEqual(['north-korea', 'south-korea']);
    expect(ids(referredIn('Soviet-era alliances and Vietnamese trade.', '', entities))).toEqual(['soviet-union', 'vietnam']);
    expect(ids(referredIn('The Korean Peninsula is tense.', '', entities))).toEqual([]);
  });

  it('counts whom a pronoun or “the visit” points back to in the paragraph, and no one else', () => {
    const before = 'Putin’s visit to North Korea, his first in 24 years, aims to deepen ties. ';
    expect(ids(referredIn('The visit comes amid concerns.', before, entities))).toEqual(['north-korea', 'vladimir-putin']);
    expect(ids(referredIn('His comments were published.', 'Vladimir Putin thanked North Korea. ', entities))).toEqual(['vladimir-putin']);
    expect(ids(referredIn('The talks went on.', before, entities))).toEqual([]);
  });
});

describe('mentionsIn', () => {
  it('takes the longest name at each place', () => {
    expect(mentionsIn('South Korea’s Foreign Ministry and South Korea', entities).map((m) => m.entity.id)).toEqual(['ministry', 'south-korea']);
  });
});

describe('mentionsWithDemonymsIn', () => {
  it('reads a country’s adjective, made from its name or irregular (“American”), as a mention of it, in order, and leaves a longer name its own', () => {
    const found = (text: string) => mentionsWithDemonymsIn(text, entities).map((m) => `${m.entity.id}${m.demonym ? ' (adjective)' : ''}`);
    expect(found('North Korean soldiers crossed into South Korean territory, drawing shots from South Korean soldiers.')).toEqual([
      'north-korea (adjective)',
      'south-korea (adjective)',
      'south-korea (adjective)',
    ]);
    expect(found('American and Chinese officials met Russian and Soviet-era envoys in Vietnam.')).toEqual([
      'united-states (adjective)',
      'china (adjective)',
      'russia (adjective)',
      'soviet-union (adjective)',
      'vietnam',
    ]);
    expect(found('The South Korean Foreign Ministry spoke of the Korean Peninsula.')).toEqual(['ministry']);
  });
});

describe('referencesIn', () => {
  const groups = (sentence: string, before = '') => referencesIn(sentence, before, entities).map((group) => ids(group));

  it('gives each place the sentence speaks of an entity, in order: names, adjectives, pronouns, the owner of “the visit” before the one after it', () => {
    expect(groups('North Korean soldiers crossed into South Korea, drawing shots from China.')).toEqual([['north-korea'], ['south-korea'], ['china']]);
    expect(groups('His visit to Vietnam follows.', 'Vladimir Putin thanked Russia. ')).toEqual([['vladimir-putin'], ['vietnam']]);
    expect(groups('The visit comes amid concerns over Russia.', 'Putin’s visit to North Korea aims to deepen ties. ')).toEqual([['vladimir-putin'], ['north-korea'], ['russia']]);
  });

  it('puts names at one place, and an adjective with the title and name after it, in one group', () => {
    expect(groups('South Korea’s Foreign Ministry met China.')).toEqual([['ministry', 'south-korea'], ['china']]);
    expect(groups('Russian President Vladimir Putin met China.')).toEqual([['russia', 'vladimir-putin'], ['china']]);
    expect(groups('Russian soldiers met Vladimir Putin.')).toEqual([['russia'], ['vladimir-putin']]);
  });
});
