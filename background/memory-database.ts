/**
 * The story's database where the browser gives the background no IndexedDB of
 * its own: Firefox's permanent private browsing ("Never remember history"),
 * where it refuses every database to an extension allowed to run there
 * (background/indexeddb-refused.ts). The same schema and queries, over an
 * IndexedDB kept in memory (the fake-indexeddb package): gone when the
 * background stops, and built again from the bundled pack, which the
 * background's script carries, when it starts.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DB_NAME, StoryDatabase } from './db';

export function memoryStoryDatabase(): StoryDatabase {
  return new StoryDatabase(DB_NAME, { indexedDB: new IDBFactory(), IDBKeyRange });
}
