import { packSourceHash, type PackSource } from '../core/story/pack-hash';
import type { StoryPack } from '../core/story/schema';
import { parseStoryPack, type PackProblem } from '../core/story/verify-pack';
import { aliasRowsOf, type StoryDatabase } from './db';

export type SeedResult =
  | { ok: true; storyId: string; written: boolean; packHash: string }
  | { ok: false; problems: PackProblem[] }
  /** A valid pack the database could not take (its disk full, a browser's storage error): the story before it is kept. */
  | { ok: false; notWritten: unknown };

/**
 * Loads a pack into the database unless the same pack is already there.
 * A pack that fails validation is rejected before anything is written, so the
 * data already stored stays intact.
 */
export async function seedStory(db: StoryDatabase, source: PackSource): Promise<SeedResult> {
  // The hash check comes first: a service worker that wakes up often should not re-validate an unchanged pack.
  const hash = source.hash ?? packSourceHash(source);
  const stored = await db.stories.filter((row) => row.packHash === hash).first();
  if (stored) return { ok: true, storyId: stored.id, written: false, packHash: hash };
  const parsed = parseStoryPack(source.files, source.article);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  try {
    await writePack(db, parsed.pack, hash);
  } catch (error) {
    // Rolled back whole: the story stored before is still there, and served rather than nothing (asked again at the next wake).
    if ((await db.stories.count()) > 0) return { ok: false, notWritten: error };
    throw error;
  }
  return { ok: true, storyId: parsed.pack.story.id, written: true, packHash: hash };
}

/**
 * Replaces the stored story with the pack's, in a single transaction: any
 * failure rolls all of it back. Every story goes, not only one of the pack's
 * id: the extension shows one story, the bundled pack's, whose names the
 * script on every page is built with; a pack that came with a new id must
 * not leave the old story shown.
 */
export async function writePack(db: StoryDatabase, pack: StoryPack, hash: string): Promise<void> {
  const storyId = pack.story.id;
  const nameRank = new Map([...pack.entities].sort((a, b) => a.name.localeCompare(b.name)).map((entity, rank) => [entity.id, rank]));
  await db.transaction('rw', [db.stories, db.entities, db.facts, db.aliases], async () => {
    await Promise.all([db.stories.clear(), db.entities.clear(), db.facts.clear(), db.aliases.clear()]);
    await db.stories.put({ ...pack.story, packHash: hash });
    await db.entities.bulkAdd(pack.entities.map((entity) => ({ ...entity, storyId, nameRank: nameRank.get(entity.id) })));
    await db.facts.bulkAdd(pack.facts.map((fact, order) => ({ ...fact, storyId, order })));
    await db.aliases.bulkAdd(pack.entities.flatMap((entity) => aliasRowsOf(storyId, entity)));
  });
}
