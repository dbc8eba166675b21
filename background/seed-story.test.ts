import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { packHash } from '../core/story/pack-hash';
import { parseStoryPack } from '../core/story/verify-pack';
import { StoryDatabase, type EntityRow } from './db';
import { seedStory, writePack } from './seed-story';
import { loadPackSource, uniqueDbName } from './test-support';

const open: Dexie[] = [];
function database(name = uniqueDbName()) {
  const db = new StoryDatabase(name);
  open.push(db);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

async function counts(db: StoryDatabase) {
  return {
    stories: await db.stories.count(),
    entities: await db.entities.count(),
    facts: await db.facts.count(),
    aliases: await db.aliases.count(),
  };
}

/** Every row stored, in key order. */
async function contents(db: StoryDatabase) {
  return {
    stories: await db.stories.toArray(),
    entities: await db.entities.toArray(),
    facts: await db.facts.toArray(),
    aliases: await db.aliases.toArray(),
  };
}

describe('seeding the story pack', () => {
  it('stores every entity, fact and alias of the bundled pack', async () => {
    const db = database();
    const source = loadPackSource();
    const result = await seedStory(db, source);
    expect(result).toMatchObject({ ok: true, written: true });
    const pack = (source.files.entities as unknown[]).length;
    const stored = await counts(db);
    expect(stored.stories).toBe(1);
    expect(stored.entities).toBe(pack);
    expect(stored.facts).toBe((source.files.facts as unknown[]).length);
    expect(stored.aliases).toBeGreaterThan(stored.entities);
    const northKorea = await db.entities.get(['putin-pyongyang-summit', 'north-korea']);
    expect(northKorea?.name).toBe('North Korea');
  });

  it('is idempotent: seeding the same pack again writes nothing and changes nothing', async () => {
    const db = database();
    await seedStory(db, loadPackSource());
    const before = await counts(db);
    const again = await seedStory(db, loadPackSource());
    expect(again).toMatchObject({ ok: true, written: false });
    expect(await counts(db)).toEqual(before);
  });

  it('writes the same pack again over rows an earlier version stored otherwise (facts without their place in the article)', async () => {
    const db = database();
    const source = loadPackSource();
    await seedStory(db, source);
    // As the version before stored it: the hash of the pack alone, and no order on the facts.
    await db.stories.toCollection().modify({ packHash: packHash(JSON.stringify(source.files), source.article) });
    await db.facts.toCollection().modify((fact) => {
      delete (fact as Partial<typeof fact>).order;
    });
    expect(await seedStory(db, loadPackSource())).toMatchObject({ ok: true, written: true });
    const orders = (await db.facts.toArray()).map((fact) => fact.order);
    expect(orders.sort((a, b) => a - b)).toEqual(orders.map((_, index) => index));
  });

  it('stores the rows under the hash the build computed of the pack, and knows them by it at the next wake', async () => {
    const db = database();
    const built = { ...loadPackSource(), hash: 'built-hash' };
    expect(await seedStory(db, built)).toMatchObject({ ok: true, written: true, packHash: 'built-hash' });
    expect((await db.stories.toArray())[0]?.packHash).toBe('built-hash');
    expect(await seedStory(db, { ...loadPackSource(), hash: 'built-hash' })).toMatchObject({ ok: true, written: false });
    // A build of another pack has another hash: its rows replace these.
    expect(await seedStory(db, { ...loadPackSource(), hash: 'next-build-hash' })).toMatchObject({ ok: true, written: true });
  });

  it('writes the same pack again over rows of the version before, whose entities had no rank of their names', async () => {
    const db = database();
    const source = loadPackSource();
    await seedStory(db, source);
    await db.stories.toCollection().modify({ packHash: packHash('rows 2', JSON.stringify(source.files), source.article) });
    await db.entities.toCollection().modify((entity) => {
      delete entity.nameRank;
    });
    expect(await seedStory(db, loadPackSource())).toMatchObject({ ok: true, written: true });
    const byRank = (await db.entities.toArray()).sort((a, b) => a.nameRank! - b.nameRank!).map((entity) => entity.name);
    expect(byRank).toEqual(byRank.toSorted((a, b) => a.localeCompare(b)));
    expect(new Set(byRank).size).toBe((source.files.entities as unknown[]).length);
  });

  it('replaces the rows of a changed pack instead of adding to them', async () => {
    const db = database();
    await seedStory(db, loadPackSource());
    const changed = loadPackSource();
    const facts = changed.files.facts as { id: string }[];
    facts.pop();
    const result = await seedStory(db, changed);
    expect(result).toMatchObject({ ok: true, written: true });
    expect(await db.facts.count()).toBe(facts.length);
  });

  it('replaces the story of a pack that comes with a new id: the new one is shown, nothing of the old one is left', async () => {
    const db = database();
    await seedStory(db, loadPackSource());
    const before = await counts(db);
    const renamed = loadPackSource();
    (renamed.files.story as { id: string }).id = 'a-new-story';
    expect(await seedStory(db, renamed)).toMatchObject({ ok: true, storyId: 'a-new-story', written: true });
    expect(await db.stories.toCollection().primaryKeys()).toEqual(['a-new-story']);
    expect(await counts(db)).toEqual(before);
    expect(await db.entities.where('storyId').notEqual('a-new-story').count()).toBe(0);
  });

  it('rejects a broken pack with its problems and keeps the data already stored', async () => {
    const db = database();
    await seedStory(db, loadPackSource());
    const before = await contents(db);
    const broken = loadPackSource();
    const facts = broken.files.facts as { citation: { quote: string } }[];
    facts[0]!.citation.quote = 'Putin said something the article never says.';
    const result = await seedStory(db, broken);
    expect(result.ok).toBe(false);
    expect('problems' in result && result.problems[0]).toMatchObject({ file: 'facts.json', path: expect.stringContaining('quote') });
    // Row for row: a broken pack written over the old one holds as many rows.
    expect(await contents(db)).toEqual(before);
  });

  it('rolls back a write that fails halfway, leaving the previous data intact', async () => {
    const db = database();
    await seedStory(db, loadPackSource());
    const before = await counts(db);
    const parsed = parseStoryPack(loadPackSource().files, loadPackSource().article);
    if (!parsed.ok) throw new Error('the bundled pack must be valid');
    // A duplicate fact id passes no validation; here it is forced in to make bulkAdd fail mid-transaction.
    const pack = { ...parsed.pack, facts: [...parsed.pack.facts, parsed.pack.facts[0]!] };
    await expect(writePack(db, pack, 'other-hash')).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
    expect((await db.stories.toArray())[0]?.packHash).not.toBe('other-hash');
  });
});

describe('upgrading the database', () => {
  it('keeps the data of version 1 and derives the alias index from it', async () => {
    const name = uniqueDbName();
    const v1 = new Dexie(name);
    v1.version(1).stores({
      stories: 'id',
      entities: '[storyId+id], storyId, category',
      facts: '[storyId+id], storyId, *subjects',
    });
    const entity: EntityRow = {
      storyId: 'old-story',
      id: 'north-korea',
      name: 'North Korea',
      category: 'country',
      description: 'country in East Asia',
      aliases: [
        { text: 'North Korea', rule: 'always', exclude: [], ambiguous: false },
        { text: 'DPRK', rule: 'always', exclude: [], ambiguous: false },
      ],
    };
    await v1.table('stories').put({ id: 'old-story', headline: 'Old', article: 'a.txt', summary: [], packHash: 'x' });
    await v1.table('entities').put(entity);
    await v1.table('facts').put({
      storyId: 'old-story',
      id: 'f1',
      kind: 'statement',
      subjects: ['north-korea'],
      speaker: 'north-korea',
      text: 'A statement.',
      citation: { paragraph: 1, quote: 'x' },
      contests: [],
    });
    v1.close();

    const db = database(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.entities.get(['old-story', 'north-korea'])).toEqual(entity);
    const aliases = await db.aliases.where('storyId').equals('old-story').toArray();
    expect(aliases.map((a) => a.text).sort()).toEqual(['DPRK', 'North Korea']);
    expect(await db.facts.where('speaker').equals('north-korea').count()).toBe(1);
  });
});
