import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { parseStoryPack } from '../core/story/verify-pack';
import { StoryDatabase } from './db';
import { countShown, resolveFound } from './found-entities';
import { writePack } from './seed-story';
import { loadPackSource, uniqueDbName } from './test-support';

const dbs: StoryDatabase[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  vi.restoreAllMocks();
});

/** The bundled pack stored with Japan renamed "Élan": an accented initial, which code-unit order puts after every other letter. */
async function storedWithAccentedName(): Promise<StoryDatabase> {
  const db = new StoryDatabase(uniqueDbName());
  dbs.push(db);
  const source = loadPackSource();
  const parsed = parseStoryPack(source.files, source.article);
  if (!parsed.ok) throw new Error('the bundled pack must be valid');
  const entities = parsed.pack.entities.map((entity) => (entity.id === 'japan' ? { ...entity, name: 'Élan' } : entity));
  await writePack(db, { ...parsed.pack, entities }, 'test-hash');
  return db;
}

const TIED = new Map([
  ['vietnam', 2],
  ['japan', 2],
  ['china', 2],
  ['russia', 5],
  ['kim-jong-un', 1],
]);

it('lists by category, then most mentioned, then alphabetically as the reader reads names, with no collator built', async () => {
  const db = await storedWithAccentedName();
  const compare = vi.spyOn(String.prototype, 'localeCompare');
  const found = await resolveFound(db, TIED);
  expect(found.map((entity) => entity.name)).toEqual(['Kim Jong Un', 'Russia', 'China', 'Élan', 'Vietnam']);
  // A worker woken from a stop builds the collator at its first compare: the rank stored with each row spares it.
  expect(compare).not.toHaveBeenCalled();
});

it('lists rows an earlier version stored without ranks in the same order', async () => {
  const db = await storedWithAccentedName();
  await db.entities.toCollection().modify((entity) => {
    delete entity.nameRank;
  });
  expect((await resolveFound(db, TIED)).map((entity) => entity.name)).toEqual(['Kim Jong Un', 'Russia', 'China', 'Élan', 'Vietnam']);
});

it('counts the entities of the categories shown, for the badge', async () => {
  const db = await storedWithAccentedName();
  expect(await countShown(db, TIED, (category) => category === 'country')).toBe(4);
  expect(await countShown(db, new Map(), () => true)).toBe(0);
});
