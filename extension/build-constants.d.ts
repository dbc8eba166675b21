import type { BuiltMatcher } from '../core/story/page-matcher';

declare global {
  /**
   * The bundled pack's matcher, compiled by the build (tooling/built-matcher.ts); null where the build could not parse
   * the pack. Read by the worker (background/page-matcher.ts) and by an annotator the page imported itself (built-matcher-reply.ts).
   */
  const __BACKSTORY_BUILT_MATCHER__: BuiltMatcher | null;
  /** The bundled pack's packSourceHash (core/story/pack-hash.ts), computed by the build: read by background/bundled-pack.ts. */
  const __BACKSTORY_PACK_HASH__: string;
}
