import type { BuiltMatcher } from '../core/story/page-matcher';
import { packSourceHash, type PackSource } from '../core/story/pack-hash';
import { decodeMatcher } from '../core/matcher/wire';
import { compilePageMatcher, matchableEntities } from '../core/story/page-matcher';
import { parseStoryPack } from '../core/story/verify-pack';
import { readPackSource } from './pack-files';

/**
 * The bundled pack's page matcher, compiled by the build so the worker need not
 * compile it each time it wakes (background/page-matcher.ts), with the hash its
 * rows are stored under, checked as a worker's reply is. Null for a pack the worker will reject: it then keeps
 * the rows it had, and compiles their matcher itself.
 */
export function builtMatcher(source: PackSource = readPackSource()): BuiltMatcher | null {
  const parsed = parseStoryPack(source.files, source.article);
  if (!parsed.ok) return null;
  const value = compilePageMatcher(parsed.pack.story.id, matchableEntities(parsed.pack.entities));
  // Every check, here, once: pages decode this one without the trie's (core/matcher/wire.ts), and a build that made a bad one fails.
  decodeMatcher(value.matcher);
  return { packHash: packSourceHash(source), value };
}
