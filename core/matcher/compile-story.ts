import { buildAutomaton } from './build-automaton';
import { buildPatterns } from './patterns';
import type { CompiledMatcher, MatchableEntity } from './types';

/**
 * Every written form of every alias, in one automaton. Runs where the story is
 * stored, once per story: pages receive the result and never compile.
 */
export function compileStory(entities: readonly MatchableEntity[]): CompiledMatcher {
  const patterns = buildPatterns(entities);
  return {
    entityIds: entities.map((entity) => entity.id),
    rules: patterns.map(({ form: _form, ...rule }) => rule),
    automaton: buildAutomaton(
      patterns.map((pattern) => pattern.form),
      patterns.map((pattern) => pattern.exclude),
    ),
  };
}
