export { compileMatcher } from './compile';
export { compileStory } from './compile-story';
export { matcherFrom } from './runtime';
export { createMatchState } from './state';
export { foldText } from './chars';
export { decodeMatcher, encodeMatcher, type MatcherWire } from './wire';
export type { CompiledMatcher, MatchableEntity, Matcher, MatchState, Span } from './types';
