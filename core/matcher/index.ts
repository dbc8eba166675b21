export { compileMatcher } from './compile';
export { createMatchState } from './state';
export { foldText } from './chars';
export type { MatchableEntity, Matcher, MatchState, Span } from './types';
