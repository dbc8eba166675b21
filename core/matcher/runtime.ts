import { anchorsOf, INVISIBLE_CHARACTER } from './anchors';
import { resolve } from './resolve';
import { Candidates, Scanner } from './scan';
import type { CompiledMatcher, Matcher, MatchState, Span } from './types';

/**
 * Text the matcher looks through for invisible characters before it uses the
 * anchor expressions that see through them whatever the text. V8 compiles an
 * expression at its first search: those expressions took 5–20 ms (anchors.ts),
 * which a page without invisible characters never needs, while the look costs
 * about 3 ms per MiB; past this much text the compile costs less.
 */
const TEST_FOR_INVISIBLES_CHARS = 1024 * 1024;

/**
 * A compiled story, ready to scan any number of blocks and pages.
 *
 * The automaton runs only where a pattern's first letters are (anchors.ts),
 * found by the engine's native search: one pass finds aliases and exclusion
 * phrases alike. When no anchors can be written (a pattern starting with an
 * apostrophe), the scan looks at every character, first for the aliases alone:
 * exclusion phrases only ever hide an alias hit inside them, so a block without
 * one cannot need them, and a phrase such as "state of Washington" would
 * otherwise send the scan into the automaton at every "s" of every page.
 */
export function matcherFrom({ entityIds, rules, automaton, anchors: shipped }: CompiledMatcher): Matcher {
  if (rules.length === 0) return { scan: () => [] };
  const scanner = new Scanner(automaton, rules);
  const hits = new Candidates();
  const { startsAlias, startsPattern } = automaton;
  const anchors = shipped !== undefined ? shipped : anchorsOf(automaton, startsPattern);
  if (anchors) {
    const { plain, withInvisibles } = anchors;
    let testFor = TEST_FOR_INVISIBLES_CHARS;
    return {
      scan(text: string, state: MatchState): Span[] {
        let expressions = withInvisibles;
        if (testFor > 0) {
          testFor -= text.length;
          if (!INVISIBLE_CHARACTER.test(text)) expressions = plain;
        }
        scanner.find(text, hits, startsPattern, expressions);
        return resolve(text, hits, rules, entityIds, state);
      },
    };
  }
  const exclusionsAlone = startsAlias !== startsPattern;
  return {
    scan(text: string, state: MatchState): Span[] {
      scanner.find(text, hits, startsAlias);
      if (hits.count > 0 && exclusionsAlone) scanner.find(text, hits);
      return resolve(text, hits, rules, entityIds, state);
    },
  };
}
