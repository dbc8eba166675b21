import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { compileStory, createMatchState, decodeMatcher, encodeMatcher, matcherFrom } from '../core/matcher';
import { parseStoryPack } from '../core/story/verify-pack';
import { StoryDatabase } from './db';
import { packSourceHash } from '../core/story/pack-hash';
import { bundledPack } from './bundled-pack';
import type { BuiltMatcher } from '../core/story/page-matcher';
import { getPageMatcher } from './page-matcher';
import { seedStory, writePack } from './seed-story';
import { getMatchableEntities } from './story-queries';
import { loadPackSource, uniqueDbName } from './test-support';

const dbs: StoryDatabase[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

async function seeded(): Promise<StoryDatabase> {
  const db = new StoryDatabase(uniqueDbName());
  dbs.push(db);
  const result = await seedStory(db, loadPackSource());
  if (!result.ok) throw new Error('the bundled pack was rejected');
  return db;
}

const finds = async (db: StoryDatabase, text: string) =>
  matcherFrom(decodeMatcher((await getPageMatcher(db)).matcher))
    .scan(text, createMatchState())
    .map((span) => span.entityId);

describe('the matcher pages are sent', () => {
  it('is compiled once and answered again while the stored pack stays the same', async () => {
    const db = await seeded();
    const first = await getPageMatcher(db);
    expect(await getPageMatcher(db)).toBe(first);
  });

  it('is the matcher compiled from the pack itself, every rule of every alias kept through the database', async () => {
    const db = await seeded();
    const source = loadPackSource();
    const parsed = parseStoryPack(source.files, source.article);
    if (!parsed.ok) throw new Error('the bundled pack was rejected');
    const byId = new Map(parsed.pack.entities.map((entity) => [entity.id, entity]));
    const { entities } = await getMatchableEntities(db);
    // The database holds an entity's aliases in the order of their text.
    const inTextOrder = <T extends { text: string }>(aliases: readonly T[]) => [...aliases].sort((a, b) => (a.text < b.text ? -1 : 1));
    const fromPack = entities.map((entity) => ({ ...entity, aliases: inTextOrder(byId.get(entity.id)!.aliases) }));
    // Compiled here from the rows, not the build's.
    expect((await getPageMatcher(db, null)).matcher).toEqual(encodeMatcher(compileStory(fromPack)));
  });

  it('comes with the build for the bundled pack: the same matcher the worker compiles from its rows, under the hash they are stored under', async () => {
    const built = __BACKSTORY_BUILT_MATCHER__;
    expect(built).not.toBeNull();
    const db = await seeded();
    const [story] = await db.stories.toArray();
    expect(built!.packHash).toBe(story!.packHash);
    // The pack as the background bundles it (JSON and raw text through the bundler), not only as read from disk.
    expect(packSourceHash(bundledPack)).toBe(built!.packHash);
    expect(await getPageMatcher(db, null)).toEqual(built!.value);
  });

  it('is taken from the build, not compiled, for the rows of the pack it was built from; compiled for any other', async () => {
    const db = await seeded();
    const [story] = await db.stories.toArray();
    const compiled = await getPageMatcher(db, null);
    // Told apart from the compiled one by an empty list of entities.
    const fromBuild: BuiltMatcher = { packHash: story!.packHash, value: { ...compiled, entities: [] } };
    expect(await getPageMatcher(await seeded(), fromBuild)).toBe(fromBuild.value);
    expect(await getPageMatcher(await seeded(), { ...fromBuild, packHash: 'another-hash' })).toEqual(compiled);
  });

  it('takes another place of the same name for no mention of the story’s, from there on', async () => {
    const db = await seeded();
    expect(await finds(db, 'Police in MOSCOW, Idaho, said the Moscow suspect was held.')).toEqual([]);
    expect(await finds(db, 'Microsoft, based in Redmond, Washington, said Washington regulators agreed.')).toEqual([]);
    expect(await finds(db, 'Putin flew from Moscow to Pyongyang.')).toEqual(['vladimir-putin', 'moscow', 'pyongyang']);
  });

  it('is compiled again when another pack is written, never answered stale', async () => {
    const db = await seeded();
    expect(await finds(db, 'Vova flew to Pyongyang.')).toEqual(['pyongyang']);
    const source = loadPackSource();
    const parsed = parseStoryPack(source.files, source.article);
    if (!parsed.ok) throw new Error('the bundled pack was rejected');
    const putin = parsed.pack.entities.find((entity) => entity.id === 'vladimir-putin')!;
    putin.aliases.push({ ...putin.aliases.at(-1)!, text: 'Vova' });
    await writePack(db, parsed.pack, 'another-hash');
    expect(await finds(db, 'Vova flew to Pyongyang.')).toEqual(['vladimir-putin', 'pyongyang']);
  });
});
