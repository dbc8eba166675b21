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
 * frame the screen lets through asks for it. Keyed by the stored aliases themselves, so
 * a re-seeded pack can never be answered with a stale automaton.
 */
let cached: { key: string; value: PageMatcher } | undefined;

/** What a page needs to find the current story's mentions: the compiled matcher and each entity's category. */
export async function getPageMatcher(db: StoryDatabase): Promise<PageMatcher> {
  const { storyId, entities } = await getMatchableEntities(db);
  const key = JSON.stringify([storyId, entities]);
  if (cached?.key !== key) {
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
