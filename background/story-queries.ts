import type { EntityCard, EntityRef, StorySummary } from '../core/messages/protocol';
import type { MatchableEntity } from '../core/matcher';
import { matchableEntities } from '../core/story/page-matcher';
import type { Category } from '../core/story/schema';
import type { EntityRow, StoryDatabase } from './db';

export class NotFoundError extends Error {}

/** The story the extension currently shows; one for now, the first seeded. */
export async function currentStoryId(db: StoryDatabase): Promise<string> {
  const key = await db.stories.toCollection().firstKey();
  if (typeof key !== 'string') throw new NotFoundError('No story is stored yet');
  return key;
}

export async function getStorySummary(db: StoryDatabase): Promise<StorySummary> {
  const story = await db.stories.get(await currentStoryId(db));
  if (!story) throw new NotFoundError('No story is stored yet');
  return { id: story.id, headline: story.headline, summary: story.summary };
}

export async function getMatchableEntities(db: StoryDatabase): Promise<{ storyId: string; entities: MatchableEntity[] }> {
  const storyId = await currentStoryId(db);
  const [entities, aliases] = await Promise.all([
    db.entities.where('storyId').equals(storyId).toArray(),
    db.aliases.where('storyId').equals(storyId).toArray(),
  ]);
  return {
    storyId,
    entities: matchableEntities(
      entities.map((entity) => ({
        id: entity.id,
        name: entity.name,
        category: entity.category as Category,
        aliases: aliases
          .filter((alias) => alias.entityId === entity.id)
          // Every field of the pack's alias, whatever it grows: a field picked by name here and missed was a rule of the pack lost.
          .map(({ storyId: _story, entityId: _entity, ...alias }) => alias),
      })),
    ),
  };
}

/**
 * In one read transaction: the page asks for the cards of every name it found at once, and a transaction for
 * each of the reads (four or more a card) took a worker woken from a stop about 50 ms for the demo article's.
 */
export function getEntityCards(db: StoryDatabase, entityIds: readonly string[]): Promise<EntityCard[]> {
  return db.transaction('r', [db.stories, db.entities, db.facts], () => readEntityCards(db, entityIds));
}

async function readEntityCards(db: StoryDatabase, entityIds: readonly string[]): Promise<EntityCard[]> {
  const storyId = await currentStoryId(db);
  const story = await db.stories.get(storyId);
  if (!story) throw new NotFoundError('No story is stored yet');
  const entities = await db.entities.bulkGet(entityIds.map((id) => [storyId, id] as [string, string]));
  const cards: EntityCard[] = [];
  for (const [index, entity] of entities.entries()) {
    if (!entity) throw new NotFoundError(`Unknown entity "${entityIds[index]}"`);
    const facts = await factsAbout(db, storyId, entity.id);
    const refIds = new Set<string>();
    for (const fact of facts) {
      fact.subjects.forEach((id) => refIds.add(id));
      if (fact.speaker) refIds.add(fact.speaker);
    }
    entity.sanctions?.by.forEach((id) => refIds.add(id));
    const refs = await db.entities.bulkGet([...refIds].map((id) => [storyId, id] as [string, string]));
    cards.push({
      storyId,
      headline: story.headline,
      entity: withoutStoryId(entity),
      facts: facts.map(({ storyId: _story, order: _order, ...fact }) => fact),
      refs: refs.filter((ref): ref is EntityRow => ref !== undefined).map(toRef),
    });
  }
  return cards;
}

/**
 * Facts the entity is a subject of or spoke, in the order the article tells them,
 * plus the other side of every contested one, and the other side of that in
 * turn: a denial never shows without its accusation, even where the entity's
 * own fact is only the background the denial answers.
 */
async function factsAbout(db: StoryDatabase, storyId: string, entityId: string) {
  const [asSubject, asSpeaker] = await Promise.all([
    db.facts.where('subjects').equals(entityId).toArray(),
    db.facts.where('speaker').equals(entityId).toArray(),
  ]);
  const byId = new Map([...asSubject, ...asSpeaker].filter((f) => f.storyId === storyId).map((f) => [f.id, f]));
  let added = [...byId.values()];
  while (added.length > 0) {
    const otherSides = [...new Set(added.flatMap((f) => f.contests))].filter((id) => !byId.has(id));
    const contested = await db.facts.bulkGet(otherSides.map((id) => [storyId, id] as [string, string]));
    added = contested.filter((fact) => fact !== undefined);
    for (const fact of added) byId.set(fact.id, fact);
  }
  return [...byId.values()].sort((a, b) => a.order - b.order);
}

function withoutStoryId({ storyId: _story, nameRank: _rank, ...entity }: EntityRow) {
  return entity;
}

function toRef(entity: EntityRow): EntityRef {
  return { id: entity.id, name: entity.name, category: entity.category };
}
