import { compileStory } from './compile-story';
import { matcherFrom } from './runtime';
import type { MatchableEntity, Matcher } from './types';
import { decodeMatcher, encodeMatcher } from './wire';

/**
 * Compiles the entities and takes the path a page's matcher takes, through
 * the wire format: what tests and scripts find is what pages find.
 */
export function compileMatcher(entities: readonly MatchableEntity[]): Matcher {
  return matcherFrom(decodeMatcher(encodeMatcher(compileStory(entities))));
}
