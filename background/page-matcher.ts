import { compileStory, encodeMatcher, type MatcherWire } from '../core/matcher';
import type { Category } from '../core/story/schema';
import type { StoryDatabase } from './db';
import { getMatchableEntities } from './story-queries';

export interface PageMatcher {
  storyId: string;
  entities: { id: string; category: Category }[];
  matcher: MatcherWire;
}

/**
 * Compiled once per story and worker lifetime rather than once per page: every
 * frame the screen lets through asks for it, and waits for it before its first
 * highlight. Keyed by the stored story's pack hash, which every write of a pack
 * sets (seed-story.ts): one small read tells a re-seeded pack from the one
 * compiled, where reading all its aliases took the worker 10–15 ms.
 */
let cached: { key: string; value: PageMatcher } | undefined;

/** What a page needs to find the current story's mentions: the compiled matcher and each entity's category. */
export async function getPageMatcher(db: StoryDatabase): Promise<PageMatcher> {
  const story = await db.stories.toCollection().first();
  const key = JSON.stringify([db.name, story?.id, story?.packHash]);
  if (cached?.key !== key) {
    const { storyId, entities } = await getMatchableEntities(db);
    cached = {
      key,
      value: {
        storyId,
        entities: entities.map(({ id, category }) => ({ id, category })),
        matcher: encodeMatcher(compileStory(entities)),
      },
    };
  }
  return cached.value;
}
