import type { PackProblem } from '../core/story/verify-pack';
import type { StoryDatabase } from './db';
import type { PackSource } from '../core/story/pack-hash';
import { seedStory } from './seed-story';
import { recordServedPack } from './served-pack';
import { isIndexedDbRefused } from './indexeddb-refused';

export function formatProblems(problems: PackProblem[]): string {
  return problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n');
}

/**
 * Where the browser refuses the background its IndexedDB, the database the story is served from instead: in
 * Firefox, whose build alone bundles it, its code run only then (the bundler defers a module imported so).
 * Chrome's worker never needs it: an extension allowed in incognito runs there in the regular profile's process
 * ("spanning", the default), with its database, and Chrome has no permanent private mode.
 */
const MEMORY_DATABASE = import.meta.env.FIREFOX ? () => import('./memory-database').then((module) => module.memoryStoryDatabase()) : undefined;

/**
 * Gives handlers a database that holds the bundled story. The service worker may
 * have been stopped since the last message, so every wake-up checks again (cheaply,
 * by the pack's hash) instead of trusting anything kept in memory.
 *
 * Where the browser will not open `db` at all (Firefox's permanent private
 * browsing: background/indexeddb-refused.ts), the story is seeded into, and served
 * from, the database `inMemory` makes, for as long as the background runs; its
 * next start tries `db` again and, refused again, builds that anew from the pack.
 *
 * A database that fails to open otherwise (Chrome's "Internal error opening
 * backing store", a VersionError after a downgrade) is deleted and built anew
 * from the pack, once a wake: it holds nothing but a copy of the pack. Left as
 * it was, it failed every message, at every start of the worker. Where it fails
 * again, that message gets the error, and later ones try to open it again.
 */
export function createStoryService(
  db: StoryDatabase,
  pack: PackSource,
  log: Pick<Console, 'error'> & Partial<Pick<Console, 'warn'>> = console,
  inMemory: (() => Promise<StoryDatabase>) | undefined = MEMORY_DATABASE,
) {
  let pending: Promise<StoryDatabase> | undefined;
  let memory: StoryDatabase | undefined;
  let rebuilt = false;
  let opening = false;
  // Closed under the worker (deleted: "Clear site data" on the extension, or another connection's upgrade), the
  // database opens again on its next query, empty: the story must be seeded again then, not taken as seeded. Not
  // while the seed opens it: an opening that fails closes it, and so does deleting it for a rebuild; that seed is
  // still under way, and a second would write beside it.
  db.on('close', () => {
    if (!opening) pending = undefined;
  });
  const database = async (): Promise<StoryDatabase> => {
    if (memory) return memory;
    opening = true;
    try {
      return await open();
    } finally {
      opening = false;
    }
  };
  const open = async (): Promise<StoryDatabase> => {
    try {
      // Opened here, not on the first query: a query after a failed opening fails with it, without opening again.
      await db.open();
      return db;
    } catch (error) {
      if (isIndexedDbRefused(error)) {
        // Deleting it would be refused as well.
        if (!inMemory) throw error;
        log.warn?.('[Backstory] The browser refuses the background its database (Firefox’s permanent private browsing): the story is served from memory', error);
        memory = await inMemory();
        return memory;
      }
      // Once a wake: one that fails anew once built anew would be deleted again at every message.
      if (rebuilt) throw error;
      rebuilt = true;
      log.error('[Backstory] The story database would not open: it is deleted and built anew from the bundled pack', error);
      // Still opened by a query, as before: Dexie's own delete() leaves the database closed to every query after it.
      await db.delete({ disableAutoOpen: false });
      await db.open();
      return db;
    }
  };
  const seed = async () => {
    const target = await database();
    const result = await seedStory(target, pack);
    // The data stored before stays in place and keeps being served.
    if (!result.ok && 'problems' in result) log.error(`[Backstory] The bundled story pack was rejected:\n${formatProblems(result.problems)}`);
    else if (!result.ok) log.error('[Backstory] The bundled story pack could not be stored; the story before it is kept', result.notWritten);
    // Not waited for: what the worker was woken for goes on meanwhile.
    recordServedPack(result.ok ? result.packHash : undefined).catch((error: unknown) => log.error('[Backstory] Could not record the pack served', error));
    return target;
  };
  return {
    ready(): Promise<StoryDatabase> {
      pending ??= seed().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
  };
}
