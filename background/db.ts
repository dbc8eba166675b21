/**
 * The one database of the extension. It lives in the background's origin only:
 * a content script's IndexedDB would belong to the web page, which can read and wipe it.
 */
import { Dexie, type Table } from 'dexie';
import type { Alias, Entity, Fact, KeyPoint } from '../core/story/schema';

export interface StoryRow {
  id: string;
  headline: string;
  article: string;
  summary: KeyPoint[];
  /** Fingerprint of the pack the rows came from: a changed bundle re-seeds. */
  packHash: string;
}
/**
 * `nameRank`: the entity's place among the story's names in alphabetical order, found when the pack is written:
 * the popup's names sort by it in a worker just woken, whose first `localeCompare` builds a collator (2.5–12.7 ms
 * here, the largest part of its answer to the popup). Missing only from rows an earlier version wrote and kept
 * because the pack that came after was rejected. A field of the pack's that no index holds (a description's citation)
 * needs no version of its own: a pack that adds one has a new hash, and its rows are written again whole.
 */
export type EntityRow = Entity & { storyId: string; nameRank?: number };
/** `order`: the fact's place in the article (the parsed pack lists facts in the article's order), which cards keep. */
export type FactRow = Fact & { storyId: string; order: number };
/** One written form of one entity: what the content script asks for to build its matcher. */
export type AliasRow = Alias & { storyId: string; entityId: string };

export const DB_NAME = 'backstory';

/** An implementation of IndexedDB for Dexie: its factory, and its key ranges. */
export interface IndexedDbEngine {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class StoryDatabase extends Dexie {
  stories!: Table<StoryRow, string>;
  entities!: Table<EntityRow, [string, string]>;
  facts!: Table<FactRow, [string, string]>;
  aliases!: Table<AliasRow, [string, string, string]>;

  /**
   * `engine`: the IndexedDB to keep it in, the browser's unless given: an in-memory one where the browser
   * refuses the background its own (background/memory-database.ts).
   */
  constructor(name = DB_NAME, engine?: IndexedDbEngine) {
    super(name, engine);
    // Version 1 kept aliases only inside entity rows.
    this.version(1).stores({
      stories: 'id',
      entities: '[storyId+id], storyId, category',
      facts: '[storyId+id], storyId, *subjects',
    });
    // Version 2 adds an alias index, derived from the entities already stored,
    // and indexes facts by speaker so a card shows what a person said.
    this.version(2)
      .stores({
        facts: '[storyId+id], storyId, *subjects, speaker',
        aliases: '[storyId+entityId+text], storyId, text',
      })
      .upgrade(async (tx) => {
        const rows: AliasRow[] = [];
        await tx
          .table<EntityRow>('entities')
          .each((entity) => rows.push(...aliasRowsOf(entity.storyId, entity)));
        await tx.table<AliasRow>('aliases').bulkPut(rows);
      });
  }
}

export function aliasRowsOf(storyId: string, entity: Entity): AliasRow[] {
  return entity.aliases.map((alias) => ({ ...alias, storyId, entityId: entity.id }));
}
