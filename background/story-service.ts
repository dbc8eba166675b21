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
 */
export function createStoryService(
  db: StoryDatabase,
  pack: PackSource,
  log: Pick<Console, 'error'> & Partial<Pick<Console, 'warn'>> = console,
  inMemory: (() => Promise<StoryDatabase>) | undefined = MEMORY_DATABASE,
) {
  let pending: Promise<StoryDatabase> | undefined;
  let memory: StoryDatabase | undefined;
  // Closed under the worker (deleted: "Clear site data" on the extension, or another connection's upgrade), the
  // database opens again on its next query, empty: the story must be seeded again then, not taken as seeded.
  db.on('close', () => {
    pending = undefined;
  });
  const database = async (): Promise<StoryDatabase> => {
    if (memory) return memory;
    if (!inMemory) return db;
    try {
      await db.open();
      return db;
    } catch (error) {
      // Any other failure to open it is thrown, as without this.
      if (!isIndexedDbRefused(error)) throw error;
      log.warn?.('[Backstory] The browser refuses the background its database (Firefox’s permanent private browsing): the story is served from memory', error);
      memory = await inMemory();
      return memory;
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
