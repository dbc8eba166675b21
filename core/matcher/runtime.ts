import { resolve } from './resolve';
import { Candidates, Scanner } from './scan';
import type { CompiledMatcher, Matcher, MatchState, Span } from './types';

/**
 * A compiled story, ready to scan any number of blocks and pages.
 *
 * Text is first scanned for the aliases alone. Exclusion phrases only ever
 * hide an alias hit inside them, so a block without one cannot need them; and
 * a phrase such as "state of Washington" would otherwise send the scan into
 * the automaton at every "s" of every page. Blocks with a hit are scanned
 * again with every pattern, exclusions included, before hits become mentions.
 */
export function matcherFrom({ entityIds, rules, automaton }: CompiledMatcher): Matcher {
  if (rules.length === 0) return { scan: () => [] };
  const scanner = new Scanner(automaton, rules);
  const hits = new Candidates();
  const { startsAlias, startsPattern } = automaton;
  const exclusionsAlone = startsAlias !== startsPattern;
  return {
    scan(text: string, state: MatchState): Span[] {
      scanner.find(text, hits, startsAlias);
      if (hits.count > 0 && exclusionsAlone) scanner.find(text, hits);
      return resolve(hits, rules, entityIds, state);
    },
  };
}
