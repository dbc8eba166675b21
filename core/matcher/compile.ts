import { buildAutomaton } from './automaton';
import { buildPatterns } from './patterns';
import { resolve } from './resolve';
import { Candidates, Scanner } from './scan';
import type { MatchableEntity, Matcher, MatchState, Span } from './types';

/**
 * Compiles every written form of every alias into one automaton. Do it once
 * per story: the result scans any number of blocks and pages.
 */
export function compileMatcher(entities: readonly MatchableEntity[]): Matcher {
  const patterns = buildPatterns(entities);
  const entityIds = entities.map((entity) => entity.id);
  if (patterns.length === 0) return { scan: () => [] };
  const scanner = new Scanner(buildAutomaton(patterns.map((pattern) => pattern.form)), patterns);
  const hits = new Candidates();
  return {
    scan(text: string, state: MatchState): Span[] {
      scanner.find(text, hits);
      return resolve(hits, patterns, entityIds, state);
    },
  };
}
