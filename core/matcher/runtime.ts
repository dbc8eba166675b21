import { resolve } from './resolve';
import { Candidates, Scanner } from './scan';
import type { CompiledMatcher, Matcher, MatchState, Span } from './types';

/** A compiled story, ready to scan any number of blocks and pages. */
export function matcherFrom({ entityIds, rules, automaton }: CompiledMatcher): Matcher {
  if (rules.length === 0) return { scan: () => [] };
  const scanner = new Scanner(automaton, rules);
  const hits = new Candidates();
  return {
    scan(text: string, state: MatchState): Span[] {
      scanner.find(text, hits);
      return resolve(hits, rules, entityIds, state);
    },
  };
}
