import type { PackProblem } from '../core/story/verify-pack';
import type { StoryDatabase } from './db';
import type { PackSource } from '../core/story/pack-hash';
import { seedStory } from './seed-story';
import { recordServedPack } from './served-pack';

export function formatProblems(problems: PackProblem[]): string {
  return problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n');
}

/**
 * Gives handlers a database that holds the bundled story. The service worker may
 * have been stopped since the last message, so every wake-up checks again (cheaply,
 * by the pack's hash) instead of trusting anything kept in memory.
 */
export function createStoryService(db: StoryDatabase, pack: PackSource, log: Pick<Console, 'error'> = console) {
  let pending: Promise<StoryDatabase> | undefined;
  // Closed under the worker (deleted: "Clear site data" on the extension, or another connection's upgrade), the
  // database opens again on its next query, empty: the story must be seeded again then, not taken as seeded.
  db.on('close', () => {
    pending = undefined;
  });
  const seed = async () => {
    const result = await seedStory(db, pack);
    // The data stored before stays in place and keeps being served.
    if (!result.ok && 'problems' in result) log.error(`[Backstory] The bundled story pack was rejected:\n${formatProblems(result.problems)}`);
    else if (!result.ok) log.error('[Backstory] The bundled story pack could not be stored; the story before it is kept', result.notWritten);
    // Not waited for: what the worker was woken for goes on meanwhile.
    recordServedPack(result.ok ? result.packHash : undefined).catch((error: unknown) => log.error('[Backstory] Could not record the pack served', error));
    return db;
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
