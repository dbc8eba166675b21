import { compilePageMatcher, type BuiltMatcher, type PageMatcher } from '../core/story/page-matcher';
import type { StoryDatabase } from './db';
import { getMatchableEntities } from './story-queries';

/** Read on first use, not as the worker starts: most of what wakes it never needs the matcher. */
let built: { value: BuiltMatcher | null } | undefined;
const builtMatcher = () => (built ??= { value: __BACKSTORY_BUILT_MATCHER__ }).value;

/**
 * Compiled once per story and worker lifetime rather than once per page: every
 * frame the screen lets through asks for it, and waits for it before its first
 * highlight. Keyed by the stored story's pack hash, which every write of a pack
 * sets (seed-story.ts): one small read tells a re-seeded pack from the one
 * compiled, where reading all its aliases took the worker 10–15 ms.
 */
let cached: { key: string; value: PageMatcher } | undefined;

/**
 * What a page needs to find the current story's mentions. For the rows of the
 * bundled pack, the build's: compiling it took a worker woken from a stop about
 * 110 ms, on the path of the first page a reader opens after a pause. Any other
 * rows (a bundled pack rejected, the rows before it kept) are compiled here.
 */
export async function getPageMatcher(db: StoryDatabase, bundled: BuiltMatcher | null = builtMatcher()): Promise<PageMatcher> {
  const story = await db.stories.toCollection().first();
  const key = JSON.stringify([db.name, story?.id, story?.packHash]);
  if (cached?.key !== key) {
    cached = { key, value: story && story.packHash === bundled?.packHash ? bundled.value : await compileStored(db) };
  }
  return cached.value;
}

async function compileStored(db: StoryDatabase): Promise<PageMatcher> {
  const { storyId, entities } = await getMatchableEntities(db);
  return compilePageMatcher(storyId, entities);
}
