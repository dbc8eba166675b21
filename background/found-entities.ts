import type { FoundEntity } from '../core/messages/protocol';
import { CATEGORIES, type Category } from '../core/story/schema';
import type { EntityRow, StoryDatabase } from './db';
import { currentStoryId } from './story-queries';

const CATEGORY_RANK = new Map<Category, number>(CATEGORIES.map((category, rank) => [category, rank]));

/**
 * Names and categories for a tab's merged counts, by category, then most mentioned first,
 * each with the frame it is revealed in (the top frame unless `frames` says otherwise).
 * Ids the database does not know (a page that matched an older pack) are left out.
 */
export async function resolveFound(
  db: StoryDatabase,
  counts: ReadonlyMap<string, number>,
  frames: ReadonlyMap<string, number> = new Map(),
): Promise<FoundEntity[]> {
  return (await knownEntities(db, counts))
    .sort(
      (a, b) =>
        CATEGORY_RANK.get(a.category as Category)! - CATEGORY_RANK.get(b.category as Category)! ||
        counts.get(b.id)! - counts.get(a.id)! ||
        byName(a, b),
    )
    .map((row) => ({ id: row.id, name: row.name, category: row.category, count: counts.get(row.id)!, frameId: frames.get(row.id) ?? 0 }));
}

/** Alphabetical, by the rank the rows were written with (EntityRow.nameRank); by the collator only for rows without one. */
function byName(a: EntityRow, b: EntityRow): number {
  return a.nameRank !== undefined && b.nameRank !== undefined ? a.nameRank - b.nameRank : a.name.localeCompare(b.name);
}

/**
 * How many of the entities in `counts` the reader has shown: those of the categories switched on (the badge's count).
 * Unsorted: a worker's first `localeCompare` builds the collator, 11–17 ms of its CPU, after every stop.
 */
export async function countShown(db: StoryDatabase, counts: ReadonlyMap<string, number>, shown: (category: Category) => boolean): Promise<number> {
  if (counts.size === 0) return 0;
  return (await knownEntities(db, counts)).filter((entity) => shown(entity.category as Category)).length;
}

/** The rows of the entities in `counts` that the database knows, in no particular order. */
async function knownEntities(db: StoryDatabase, counts: ReadonlyMap<string, number>): Promise<EntityRow[]> {
  const storyId = await currentStoryId(db);
  const rows = await db.entities.bulkGet([...counts.keys()].map((id) => [storyId, id] as [string, string]));
  return rows.filter((row) => row !== undefined);
}
