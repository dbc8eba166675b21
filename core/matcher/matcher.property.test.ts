import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IGNORABLES, newsPiece as piece, newsText } from '../../tests/fixtures/news-text';
import { SUMMIT_ENTITIES } from '../../tests/fixtures/summit-entities';
import { EntitiesFileSchema } from '../story/schema';
import { buildAutomaton } from './build-automaton';
import { endsWord, inShoutedLine, inWebAddress, isCurrencyPrefix, startsWord } from './boundaries';
import { foldCode, foldText, isDash, isWhitespace } from './chars';
import { compileMatcher, createMatchState } from './index';
import { buildPatterns } from './patterns';
import { afterPossessiveLetter } from './possessive';
import { resolve } from './resolve';
import { Candidates, Scanner } from './scan';

const matcher = compileMatcher(SUMMIT_ENTITIES);
const patterns = buildPatterns(SUMMIT_ENTITIES);
const scanner = new Scanner(buildAutomaton(patterns.map((pattern) => pattern.form)), patterns);

/**
 * The automaton's hits found the slow way: fold the whole text with an index
 * map back to the original, then indexOf every pattern.
 */
function bruteForceHits(text: string): string[] {
  let folded = '';
  const origin: number[] = [];
  let lastWhitespace = false;
  for (let i = 0; i < text.length; i++) {
    const code = foldCode(text.charCodeAt(i));
    if (code === -1) continue;
    const whitespace = isWhitespace(text.charCodeAt(i));
    if (whitespace && lastWhitespace) continue;
    lastWhitespace = whitespace;
    folded += String.fromCharCode(code);
    origin.push(i);
  }
  const hits: string[] = [];
  patterns.forEach((pattern, index) => {
    for (let at = folded.indexOf(pattern.form); at >= 0; at = folded.indexOf(pattern.form, at + 1)) {
      const start = origin[at]!;
      const end = origin[at + pattern.form.length - 1]! + 1;
      if (pattern.leftBoundary && (!startsWord(text, start) || afterPossessiveLetter(text, start))) continue;
      if (pattern.rightBoundary && !endsWord(text, end)) continue;
      if (!pattern.exclude && inWebAddress(text, start, end)) continue;
      if (pattern.acronym && (inShoutedLine(text, start, end) || isCurrencyPrefix(text, end))) continue;
      if (pattern.dashAt.some((offset) => !isDash(text.charCodeAt(origin[at + offset]!)))) continue;
      hits.push(`${start}:${end}:${index}`);
    }
  });
  return hits.sort();
}

function automatonHits(text: string): string[] {
  const out = new Candidates();
  scanner.find(text, out);
  const hits: string[] = [];
  for (let i = 0; i < out.count; i++) hits.push(`${out.start[i]}:${out.end[i]}:${out.pattern[i]}`);
  return hits.sort();
}

const formsOf = new Map<string, Set<string>>();
for (const pattern of patterns) {
  if (pattern.exclude) continue;
  const id = SUMMIT_ENTITIES[pattern.entity]!.id;
  if (!formsOf.has(id)) formsOf.set(id, new Set());
  formsOf.get(id)!.add(pattern.form);
}

describe('matcher properties', () => {
  it('finds exactly the hits a brute-force search finds', () => {
    fc.assert(
      fc.property(newsText, (text) => {
        expect(automatonHits(text)).toEqual(bruteForceHits(text));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the mentions that resolving every hit of every pattern finds, though it looks for exclusions only in blocks with an alias', () => {
    // The story's own pack: it has exclusion phrases that start where no alias does ("state of Washington").
    const story = EntitiesFileSchema.parse(JSON.parse(readFileSync(resolvePath('data/summit/entities.json'), 'utf8')));
    const storyPatterns = buildPatterns(story);
    const full = new Scanner(buildAutomaton(storyPatterns.map((pattern) => pattern.form)), storyPatterns);
    const storyMatcher = compileMatcher(story);
    const ids = story.map((entity) => entity.id);
    const storyText = fc
      .array(fc.oneof(piece, fc.constantFrom('state of Washington', 'Washington', 'Washington Post', 'Latin America', 'the United States')), {
        maxLength: 30,
      })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(storyText, (text) => {
        const hits = new Candidates();
        full.find(text, hits);
        expect(storyMatcher.scan(text, createMatchState())).toEqual(resolve(text, hits, storyPatterns, ids, createMatchState()));
      }),
      { numRuns: 500 },
    );
  });

  it('returns ordered, disjoint spans whose text is a form of the entity', () => {
    fc.assert(
      fc.property(fc.oneof(newsText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const spans = matcher.scan(text, createMatchState());
        let last = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(last);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(formsOf.get(span.entityId)!.has(foldText(text.slice(span.start, span.end)))).toBe(true);
          last = span.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is blind to invisible characters inserted anywhere', () => {
    const insertions = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...IGNORABLES)), { maxLength: 12 });
    fc.assert(
      fc.property(newsText, insertions, (text, inserts) => {
        // Keep surrogate pairs whole: splitting one changes the text, not just its invisible parts.
        const positions = inserts
          .map(([at, mark]) => [at % (text.length + 1), mark] as const)
          .filter(([at]) => !/[\ud800-\udbff]/.test(text.charAt(at - 1)))
          .sort((a, b) => a[0] - b[0]);
        let marked = '';
        let from = 0;
        for (const [at, mark] of positions) {
          marked += text.slice(from, at) + mark;
          from = at;
        }
        marked += text.slice(from);
        const shift = (index: number, inclusive: boolean) =>
          index + positions.filter(([at]) => (inclusive ? at <= index : at < index)).length;

        const expected = matcher.scan(text, createMatchState()).map((span) => ({
          ...span,
          start: shift(span.start, true),
          end: shift(span.end, false),
        }));
        expect(matcher.scan(marked, createMatchState())).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
