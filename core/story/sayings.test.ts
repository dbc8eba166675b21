import { describe, expect, it } from 'vitest';
import { EntitiesFileSchema } from './schema';
import { sayingsIn } from './sayings';

const entities = EntitiesFileSchema.parse(
  [
    ['vladimir-putin', 'Vladimir Putin', 'person', ['Putin']],
    ['john-kirby', 'John Kirby', 'person', ['Kirby']],
    ['united-states', 'United States', 'country', ['U.S.']],
    ['south-korea', 'South Korea', 'country', []],
    ['north-korea', 'North Korea', 'country', []],
    ['russia', 'Russia', 'country', []],
    ['moscow', 'Moscow', 'place', []],
    ['pyongyang', 'Pyongyang', 'place', []],
    ['nsc', 'U.S. National Security Council', 'organization', []],
  ].map(([id, name, category, aliases]) => ({ id, name, category, aliases: [{ text: name }, ...(aliases as string[]).map((text) => ({ text }))] })),
);

/** "key: sayer ids" of each saying, "of" ids after a slash. */
function said(sentence: string, before = ''): string[] {
  return sayingsIn(sentence, before, entities).map(
    (s) => `${s.key}: ${s.by.map((e) => e.id).join(' ')}${s.of ? ` / ${s.of.map((e) => e.id).join(' ')}` : ''}`,
  );
}

describe('sayingsIn', () => {
  it('takes the subject of a verb of saying, not every name in the sentence', () => {
    expect(said('The U.S. criticized the visit, urging countries not to support Putin’s war efforts.')).toEqual([
      'criticize: united-states',
      'urge: united-states',
    ]);
    expect(said('John Kirby of the U.S. National Security Council expressed concern, highlighting repercussions.')).toEqual([
      'express: john-kirby',
      'highlight: john-kirby',
    ]);
  });

  it('gives a verb joined by “and” the subject of the one before, and a pronoun the name before it', () => {
    expect(said('Vladimir Putin expressed gratitude to North Korea and announced plans.')).toEqual(['express: vladimir-putin', 'announce: vladimir-putin']);
    expect(said('He also mentioned plans to oppose what he termed “measures.”', 'Putin highlighted North Korea’s support. ')).toEqual([
      'mention: vladimir-putin',
      'term: vladimir-putin',
    ]);
  });

  it('reads the accusers after “accusations from”, the deniers as the subject of “deny”, and what is alleged in order', () => {
    expect(said('Despite accusations from the U.S. and South Korea of North Korea supplying weapons to Russia, both Moscow and Pyongyang deny these claims.')).toEqual([
      'deny: moscow pyongyang',
      'accuse: united-states south-korea / north-korea russia',
    ]);
    expect(said('The U.S. and South Korea accuse North Korea of supplying weapons to Russia.')).toEqual(['accuse: united-states south-korea / north-korea russia']);
    expect(said('North Korea was accused by the U.S. of supplying weapons to Russia.')).toEqual(['accuse: united-states / north-korea russia']);
  });

  it('reads “X said”, “said X” and “according to X”, and no noun that only looks like a verb', () => {
    expect(said('The talks failed, Kirby said.')).toEqual(['say: john-kirby']);
    expect(said('The talks failed, said John Kirby.')).toEqual(['say: john-kirby']);
    expect(said('The talks failed, according to the U.S.')).toEqual(['say: united-states']);
    expect(said('Putin’s comments were published; Moscow denied these claims.')).toEqual(['deny: moscow']);
  });
});
