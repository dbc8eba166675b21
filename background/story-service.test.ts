import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createMatchState, decodeMatcher, matcherFrom } from '../core/matcher';
import { packSourceHash } from '../core/story/pack-hash';
import { SERVED_PACK_KEY } from '../extension/annotator-keys';
import { StoryDatabase } from './db';
import { handleMessage, type HandlerContext } from './handle-message';
import { memoryStoryDatabase } from './memory-database';
import { getPageMatcher } from './page-matcher';
import { getEntityCards, getStorySummary } from './story-queries';
import { createStoryService } from './story-service';
import { loadPackSource, uniqueDbName } from './test-support';

const open: StoryDatabase[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

const servedPack = async () => (await fakeBrowser.storage.local.get(SERVED_PACK_KEY))[SERVED_PACK_KEY];

/** Firefox's answer, in permanent private browsing ("Never remember history"), to its background's every request for a database. */
const FIREFOX_REFUSAL = ['A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'] as const;

/**
 * An IndexedDB that fails every request to open a database as `failure` says, the way Firefox's does in
 * permanent private browsing: the request is made, and its error event comes after.
 */
function failingIndexedDb(failure: readonly [message: string, name: string]): IDBFactory {
  const failed = () => {
    const request: { error: DOMException | null; onerror?: (event: object) => void } = { error: null };
    setTimeout(() => {
      request.error = new DOMException(...failure);
      request.onerror?.({ type: 'error', target: request, preventDefault() {}, stopPropagation() {} });
    });
    return request;
  };
  return { open: failed, deleteDatabase: failed, databases: () => Promise.reject(new DOMException(...failure)), cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b) } as unknown as IDBFactory;
}

/**
 * The browser's IndexedDB with the story's database broken, as Chrome's is by a backing store it cannot open, or by a
 * downgrade: each request to open it fails as `failure` says until the database is deleted (`forGood`: after that
 * too). Counts the deletions.
 */
function brokenIndexedDb(failure: readonly [message: string, name: string], { forGood = false, onDelete = () => {} } = {}) {
  let broken = true;
  const deleted = { count: 0 };
  const failed = failingIndexedDb(failure);
  const factory = {
    open: (name: string, version?: number) => (broken ? failed.open(name, version) : indexedDB.open(name, version)),
    deleteDatabase: (name: string) => {
      deleted.count++;
      broken = forGood;
      onDelete();
      return indexedDB.deleteDatabase(name);
    },
    databases: () => indexedDB.databases(),
    cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
  } as unknown as IDBFactory;
  return { factory, deleted };
}

/** The story's database where IndexedDB fails as `failure` says. */
function databaseFailing(failure: readonly [message: string, name: string]): StoryDatabase {
  const db = new StoryDatabase(uniqueDbName(), { indexedDB: failingIndexedDb(failure), IDBKeyRange });
  open.push(db);
  return db;
}

/** What the background makes where IndexedDB is refused: the story's database in memory. */
const inMemory = vi.fn(async () => {
  const db = memoryStoryDatabase();
  open.push(db);
  return db;
});

const finds = async (db: StoryDatabase, text: string) =>
  matcherFrom(decodeMatcher((await getPageMatcher(db)).matcher))
    .scan(text, createMatchState())
    .map((span) => span.entityId);

describe('the story service', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    inMemory.mockClear();
  });

  it('tells pages which pack’s rows it serves once they are stored: the one the build compiled a matcher for', async () => {
    const db = new StoryDatabase(uniqueDbName());
    open.push(db);
    const pack = loadPackSource();
    await createStoryService(db, pack).ready();
    await vi.waitFor(async () => expect(await servedPack()).toBe(packSourceHash(pack)));
    expect(await servedPack()).toBe(__BACKSTORY_BUILT_MATCHER__!.packHash);
  });

  it('tells pages it serves no bundled pack when the bundled one is rejected: they ask the worker for the rows it kept', async () => {
    const db = new StoryDatabase(uniqueDbName());
    open.push(db);
    await createStoryService(db, loadPackSource()).ready();
    await vi.waitFor(async () => expect(await servedPack()).toBeDefined());
    const broken = loadPackSource();
    (broken.files.facts as { citation: { quote: string } }[])[0]!.citation.quote = 'A quote the article does not hold';
    await createStoryService(db, broken, { error: () => {} }).ready();
    await vi.waitFor(async () => expect(await servedPack()).toBeUndefined());
  });

  it('keeps serving the story stored before when the database cannot take a valid new pack (a full disk), and stores it at the next wake', async () => {
    const db = new StoryDatabase(uniqueDbName());
    open.push(db);
    await createStoryService(db, loadPackSource()).ready();
    const next = loadPackSource();
    (next.files.entities as { description: string }[])[0]!.description = 'Russia’s president';
    const storedHash = async () => (await db.stories.toArray()).map((story) => story.packHash);
    const before = await storedHash();
    const full = vi.spyOn(db.facts, 'bulkAdd').mockRejectedValueOnce(new DOMException('The disk is full', 'QuotaExceededError'));
    const errors: unknown[][] = [];
    const summary = await getStorySummary(await createStoryService(db, next, { error: (...args: unknown[]) => errors.push(args) }, inMemory).ready());
    expect(summary.id).toBe('putin-pyongyang-summit');
    expect(await storedHash()).toEqual(before);
    // The database opened: a write it could not take is no reason to leave it for one in memory.
    expect(inMemory).not.toHaveBeenCalled();
    expect(String(errors[0]?.[0])).toContain('could not be stored');
    // The pages ask the worker for the rows it kept, not the pack their matcher was built with.
    await vi.waitFor(async () => expect(await servedPack()).toBeUndefined());
    full.mockRestore();
    await createStoryService(db, next).ready();
    expect(await storedHash()).toEqual([packSourceHash(next)]);
  });

  it.each([
    ['Chrome', undefined],
    ['Firefox', inMemory],
  ])('seeds the story again when its database was deleted under a running worker (site data cleared), in %s', async (_browser, memory) => {
    const db = new StoryDatabase(uniqueDbName());
    open.push(db);
    const stories = createStoryService(db, loadPackSource(), console, memory);
    await getStorySummary(await stories.ready());

    // Another connection deletes it: the worker's connection closes for it, and opens again, empty, on its next query.
    await deleteDatabase(db.name);

    const stored = await stories.ready();
    expect(stored).toBe(db);
    expect((await getStorySummary(stored)).id).toBe('putin-pyongyang-summit');
    expect(inMemory).not.toHaveBeenCalled();
  });

  describe('where the database will not open (a backing store Chrome cannot open, a downgrade)', () => {
    const CHROME_BROKEN = ['Internal error opening backing store for indexedDB.open.', 'UnknownError'] as const;
    const DOWNGRADED = ['The requested version (20) is less than the existing version (30).', 'VersionError'] as const;

    function brokenDatabase(failure: readonly [message: string, name: string], options?: { forGood?: boolean; onDelete?: () => void }) {
      const { factory, deleted } = brokenIndexedDb(failure, options);
      const db = new StoryDatabase(uniqueDbName(), { indexedDB: factory, IDBKeyRange });
      open.push(db);
      return { db, deleted };
    }

    it.each([
      ['in Chrome, its backing store broken', CHROME_BROKEN, undefined],
      ['in Chrome, after a downgrade', DOWNGRADED, undefined],
      ['in Firefox, its backing store broken', CHROME_BROKEN, inMemory],
    ])('deletes it and builds it anew from the pack, %s', async (_label, failure, memory) => {
      const { db, deleted } = brokenDatabase(failure);
      const errors: unknown[][] = [];
      const stories = createStoryService(db, loadPackSource(), { error: (...args: unknown[]) => errors.push(args) }, memory);

      const reply = await handleMessage({ type: 'story/get' }, {}, { ready: stories.ready } as HandlerContext);
      expect(reply).toMatchObject({ ok: true, story: { id: 'putin-pyongyang-summit' } });
      expect(await stories.ready()).toBe(db);
      expect(deleted.count).toBe(1);
      expect(errors).toHaveLength(1);
      expect(String(errors[0]?.[0])).toContain('built anew');
      expect(inMemory).not.toHaveBeenCalled();
    });

    it('answers a message that comes while it is being built anew from the seed under way, storing the pack once', async () => {
      let during: Promise<unknown> | undefined;
      const asked: { context?: HandlerContext } = {};
      // Deleting it closes it first: a message then must not take it for one deleted under the worker, to seed again.
      const { db, deleted } = brokenDatabase(CHROME_BROKEN, { onDelete: () => (during = handleMessage({ type: 'entities/get', entityIds: ['john-kirby'] }, {}, asked.context!)) });
      const stories = createStoryService(db, loadPackSource(), { error: () => {} }, undefined);
      const context = (asked.context = { ready: stories.ready } as HandlerContext);
      const writes = vi.spyOn(db.facts, 'bulkAdd');

      expect(await handleMessage({ type: 'story/get' }, {}, context)).toMatchObject({ ok: true, story: { id: 'putin-pyongyang-summit' } });
      expect(await during).toMatchObject({ ok: true, cards: [{ entity: { name: 'John Kirby' } }] });
      expect(deleted.count).toBe(1);
      expect(writes).toHaveBeenCalledTimes(1);
    });

    it('gives up on a message when the one built anew fails too: an error reply, then at the next message one more try to open it, no more deletions', async () => {
      const { db, deleted } = brokenDatabase(CHROME_BROKEN, { forGood: true });
      const errors: unknown[][] = [];
      const stories = createStoryService(db, loadPackSource(), { error: (...args: unknown[]) => errors.push(args) }, undefined);
      const context = { ready: stories.ready } as HandlerContext;

      expect(await handleMessage({ type: 'story/get' }, {}, context)).toMatchObject({ ok: false, error: expect.stringContaining('backing store') });
      expect(deleted.count).toBe(1);
      const opening = vi.spyOn(db, 'open');
      expect(await handleMessage({ type: 'entities/get', entityIds: ['john-kirby'] }, {}, context)).toMatchObject({ ok: false });
      expect(opening).toHaveBeenCalledTimes(1);
      expect(deleted.count).toBe(1);
      expect(errors).toHaveLength(1);
    });
  });

  describe('where the browser refuses the background its database (Firefox’s permanent private browsing)', () => {
    it('the database refuses as Firefox’s does: every query fails, the story cannot be stored there', async () => {
      const db = databaseFailing(FIREFOX_REFUSAL);
      await expect(db.open()).rejects.toMatchObject({ name: 'InvalidStateError' });
      await expect(db.stories.count()).rejects.toMatchObject({ name: 'DatabaseClosedError', inner: { name: 'InvalidStateError' } });
      await expect(createStoryService(databaseFailing(FIREFOX_REFUSAL), loadPackSource(), { error: () => {} }, undefined).ready()).rejects.toMatchObject({
        name: 'InvalidStateError',
      });
    });

    it('serves the story from memory: its headline, a card, the matcher pages are sent', async () => {
      const refused = databaseFailing(FIREFOX_REFUSAL);
      const errors: unknown[][] = [];
      const warnings: unknown[][] = [];
      const log = { error: (...args: unknown[]) => errors.push(args), warn: (...args: unknown[]) => warnings.push(args) };
      const stories = createStoryService(refused, loadPackSource(), log, inMemory);

      const db = await stories.ready();
      expect(db).not.toBe(refused);
      const summary = await getStorySummary(db);
      expect(summary.headline).toBe('Putin Praises North Korea’s Support, Plans Closer Cooperation to Counter U.S.-Led Sanctions');
      const [card] = await getEntityCards(db, ['john-kirby']);
      expect(card!.entity.name).toBe('John Kirby');
      expect(card!.facts.length).toBeGreaterThan(0);
      expect(await finds(db, 'Kim Jong Un met Vladimir Putin.')).toEqual(['kim-jong-un', 'vladimir-putin']);
      // Pages are told its rows are the bundled pack's: those their matcher was built with.
      await vi.waitFor(async () => expect(await servedPack()).toBe(packSourceHash(loadPackSource())));
      expect(errors).toEqual([]);
      expect(String(warnings[0]?.[0])).toContain('served from memory');

      // The next message of this run of the background is served from the same one, seeded once.
      expect(await stories.ready()).toBe(db);
      expect(inMemory).toHaveBeenCalledTimes(1);
    });

    it('builds it anew from the pack at the background’s next start, refused again', async () => {
      await createStoryService(databaseFailing(FIREFOX_REFUSAL), loadPackSource(), { error: () => {} }, inMemory).ready();
      // Stopped, started: a new background, its memory empty.
      const db = await createStoryService(databaseFailing(FIREFOX_REFUSAL), loadPackSource(), { error: () => {} }, inMemory).ready();
      expect((await getStorySummary(db)).id).toBe('putin-pyongyang-summit');
      expect(inMemory).toHaveBeenCalledTimes(2);
    });

    it('still rejects a broken bundled pack: nothing is served, and pages are told so', async () => {
      const broken = loadPackSource();
      (broken.files.facts as { citation: { quote: string } }[])[0]!.citation.quote = 'A quote the article does not hold';
      const errors: unknown[][] = [];
      const db = await createStoryService(databaseFailing(FIREFOX_REFUSAL), broken, { error: (...args: unknown[]) => errors.push(args) }, inMemory).ready();
      expect(String(errors[0]?.[0])).toContain('was rejected');
      await expect(getStorySummary(db)).rejects.toThrow('No story is stored yet');
      await vi.waitFor(async () => expect(await servedPack()).toBeUndefined());
    });

    it('uses the browser’s database wherever it opens, not memory', async () => {
      const db = new StoryDatabase(uniqueDbName());
      open.push(db);
      expect(await createStoryService(db, loadPackSource(), console, inMemory).ready()).toBe(db);
      expect(await db.stories.count()).toBe(1);
      expect(inMemory).not.toHaveBeenCalled();
    });

    it('does not take another failure to open the database for a refusal: the database is built anew, and where that fails too, the failure is thrown', async () => {
      const { factory, deleted } = brokenIndexedDb(['The current transaction exceeded its quota limitations.', 'QuotaExceededError'], { forGood: true });
      const db = new StoryDatabase(uniqueDbName(), { indexedDB: factory, IDBKeyRange });
      open.push(db);
      const stories = createStoryService(db, loadPackSource(), { error: () => {} }, inMemory);
      await expect(stories.ready()).rejects.toThrow('exceeded its quota');
      expect(deleted.count).toBe(1);
      expect(inMemory).not.toHaveBeenCalled();
    });
  });
});
