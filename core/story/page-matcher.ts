import { compileStory, encodeMatcher, type MatchableEntity, type MatcherWire } from '../matcher';
import type { Category, Entity } from './schema';

/** What a page needs to find the story's mentions: the compiled matcher and each entity's category. */
export interface PageMatcher {
  storyId: string;
  entities: { id: string; category: Category }[];
  matcher: MatcherWire;
}

/** The bundled pack's matcher as the build compiled it, and the hash of the pack's rows it belongs to (packSourceHash). */
export interface BuiltMatcher {
  packHash: string;
  value: PageMatcher;
}

/** Code-unit order, as IndexedDB orders string keys. */
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * The story's entities as its matcher is compiled from them, in one order
 * whatever order they were read in: by id, and each one's aliases by their
 * text, the database's key order. Compiled in the build from the pack's files
 * (wxt.config.ts) or in the worker from the database, the matcher is the same.
 */
export function matchableEntities(entities: readonly Pick<Entity, 'id' | 'name' | 'category' | 'aliases'>[]): MatchableEntity[] {
  return [...entities]
    .sort(byKey((entity) => entity.id))
    .map(({ id, name, category, aliases }) => ({ id, name, category, aliases: [...aliases].sort(byKey((alias) => alias.text)) }));
}

export function compilePageMatcher(storyId: string, entities: readonly MatchableEntity[]): PageMatcher {
  return {
    storyId,
    entities: entities.map(({ id, category }) => ({ id, category })),
    matcher: encodeMatcher(compileStory(entities)),
  };
}
