import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IGNORABLES, newsPiece } from '../../tests/fixtures/news-text';
import { EntitiesFileSchema } from '../story/schema';
import { anchorExpressions, anchorsOf, INVISIBLE_CHARACTER } from './anchors';
import { compileStory } from './compile-story';
import { buildPatterns } from './patterns';
import { matcherFrom } from './runtime';
import { Candidates, Scanner } from './scan';
import { createMatchState } from './state';
import type { CompiledMatcher } from './types';
import { decodeMatcher, encodeMatcher } from './wire';

const story = EntitiesFileSchema.parse(JSON.parse(readFileSync(resolve('data/summit/entities.json'), 'utf8')));
const compiled = decodeMatcher(encodeMatcher(compileStory(story)));

/**
 * The hits of one pass, as "start-end:pattern", found with and without the anchors. With the
 * starts of aliases alone, only alias hits are compared: a character scan started for an alias
 * also meets exclusion phrases that begin inside its run, which is chance, not a rule.
 */
function bothWays({ automaton, rules }: CompiledMatcher, text: string, starts: Uint8Array, between?: string) {
  const scanner = new Scanner(automaton, rules);
  const aliasesOnly = starts !== automaton.startsPattern;
  const read = (anchors: RegExp[] | null) => {
    const hits = new Candidates();
    scanner.find(text, hits, starts, anchors);
    return Array.from({ length: hits.count }, (_, i) => i)
      // A namesake (a pattern's complement, scan.ts Candidates) is an alias's hit.
      .filter((i) => !aliasesOnly || hits.pattern[i]! < 0 || !rules[hits.pattern[i]!]!.exclude)
      .map((i) => `${hits.start[i]}-${hits.end[i]}:${hits.pattern[i]}`);
  };
  const anchors = anchorExpressions(automaton, starts, between);
  expect(anchors).not.toBeNull();
  return { anchored: read(anchors), everyCharacter: read(null) };
}

const passes = [
  ['the one the matcher makes: every pattern', compiled.automaton.startsPattern],
  ['aliases alone', compiled.automaton.startsAlias],
] as const;

describe('anchor expressions', () => {
  it.each(passes)('find every hit the character scan finds (%s)', (_pass, starts) => {
    const piece = fc.oneof(
      newsPiece,
      fc.constantFrom('state of Washington', 'STATE OF WASHINGTON', 'Washington Post', 'Latin America', 'People’s Republic of China', 'D.P.R.K.', 'Kim Jong‑un'),
      // An invisible character anywhere, inside a first word too.
      fc.tuple(fc.constantFrom('Russia', 'Pyongyang', 'Washington', 'Vladimir Putin', 'state of Washington'), fc.nat(12), fc.constantFrom(...IGNORABLES)).map(
        ([name, at, mark]) => name.slice(0, at) + mark + name.slice(at),
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), (text) => {
        const { anchored, everyCharacter } = bothWays(compiled, text, starts);
        expect(anchored).toEqual(everyCharacter);
      }),
      { numRuns: 1500 },
    );
  });

  it.each(passes)('written without invisible characters, find every hit the character scan finds in text without any (%s)', (_pass, starts) => {
    const text = fc.array(newsPiece, { maxLength: 30 }).map((pieces) => pieces.join('').replace(new RegExp(INVISIBLE_CHARACTER.source, 'g'), ''));
    fc.assert(
      fc.property(text, (text) => {
        const { anchored, everyCharacter } = bothWays(compiled, text, starts, '');
        expect(anchored).toEqual(everyCharacter);
      }),
      { numRuns: 1500 },
    );
  });

  /** The story's matcher, with a count of the searches with the expressions that see through invisible characters. */
  function counted() {
    const { plain, withInvisibles } = anchorsOf(compiled.automaton, compiled.automaton.startsPattern)!;
    const count = { searches: 0 };
    for (const expression of withInvisibles) {
      const exec = expression.exec.bind(expression);
      expression.exec = (text: string) => (count.searches++, exec(text));
    }
    const matcher = matcherFrom({ ...compiled, anchors: { plain, withInvisibles } });
    return { plain, withInvisibles, count, names: (text: string) => matcher.scan(text, createMatchState()).map((span) => span.alias) };
  }

  it('seeing through invisible characters are searched only in text that holds one, being 18 times the size to compile', () => {
    const { plain, withInvisibles, count, names } = counted();
    const size = (expressions: readonly RegExp[]) => expressions.reduce((sum, expression) => sum + expression.source.length, 0);
    expect(size(plain)).toBeLessThan(2_000);
    expect(size(withInvisibles)).toBeGreaterThan(10 * size(plain));
    expect(names('Vladimir Putin met Kim Jong Un in Pyongyang.')).toEqual(['Vladimir Putin', 'Kim Jong Un', 'Pyongyang']);
    expect(count.searches).toBe(0);
    // A soft hyphen inside a first word ("Pyong-yang" broken at a line's end): the larger expressions find it.
    expect(names('Vladimir Putin met Kim Jong Un in Pyong\u00adyang.')).toEqual(['Vladimir Putin', 'Kim Jong Un', 'Pyongyang']);
    expect(count.searches).toBeGreaterThan(0);
  });

  it('seeing through invisible characters are searched in all text after the page’s first MiB, the look no longer worth its cost', () => {
    const { count, names } = counted();
    const paragraph = 'Officials in Pyongyang said the talks went well. ';
    const long = paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length));
    expect(names(long)).toHaveLength(long.length / paragraph.length);
    expect(count.searches).toBe(0);
    expect(names(paragraph)).toEqual(['Pyongyang']);
    expect(count.searches).toBeGreaterThan(0);
  });

  it('start every pattern of the story, with invisible characters inside its first word', () => {
    const anchors = anchorExpressions(compiled.automaton, compiled.automaton.startsPattern)!;
    const firstMatch = (text: string) =>
      Math.min(...anchors.map((anchor) => ((anchor.lastIndex = 0), anchor.exec(text)?.index ?? Infinity)));
    for (const pattern of buildPatterns(story)) {
      const hyphenated = pattern.form[0] + '\u00ad' + pattern.form.slice(1, 3) + '\u200b' + pattern.form.slice(3);
      for (const text of [`… ${pattern.form} …`, `… ${hyphenated} …`]) {
        expect(firstMatch(text), text).toBe(2);
        const { anchored, everyCharacter } = bothWays(compiled, text, compiled.automaton.startsPattern);
        expect(anchored, text).toEqual(everyCharacter);
      }
    }
  });

  it('are none when a pattern begins with a character that has look-alikes', () => {
    const quoted = compileStory([{ id: 'x', name: '’t Hooft', category: 'person', aliases: [] }]);
    expect(anchorExpressions(quoted.automaton, quoted.automaton.startsPattern)).toBeNull();
  });

  it('keep names starting with a capital apart from phrases starting in lower case', () => {
    const anchors = anchorExpressions(compiled.automaton, compiled.automaton.startsPattern)!;
    expect(anchors).toHaveLength(2);
    expect(anchors[0]!.test('Pyongyang')).toBe(true);
    expect(anchors[1]!.source.startsWith('s')).toBe(true);
  });
});

describe('class spellings', () => {
  it('give the one character of a letter class and none for folded classes', () => {
    const { classOf, spelling, spaceClass, dashClass } = compiled.automaton;
    expect(String.fromCharCode(spelling[classOf['P'.charCodeAt(0)]!]!)).toBe('P');
    expect(spelling[spaceClass]).toBe(-1);
    expect(spelling[dashClass]).toBe(-1);
    expect(spelling[classOf["'".charCodeAt(0)]!]).toBe(-1);
  });
});
