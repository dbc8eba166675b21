import type { BuiltMatcher } from './page-matcher';

declare global {
  /** The bundled pack's matcher, compiled by the build (tooling/built-matcher.ts); null where the build could not parse the pack. */
  const __BACKSTORY_BUILT_MATCHER__: BuiltMatcher | null;
}
