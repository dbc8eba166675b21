import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { packSourceHash } from '../core/story/pack-hash';
import { SERVED_PACK_KEY } from '../extension/annotator-keys';
import { StoryDatabase } from './db';
import { getStorySummary } from './story-queries';
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

describe('the story service', () => {
  beforeEach(() => fakeBrowser.reset());

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
    const summary = await getStorySummary(await createStoryService(db, next, { error: (...args: unknown[]) => errors.push(args) }).ready());
    expect(summary.id).toBe('putin-pyongyang-summit');
    expect(await storedHash()).toEqual(before);
    expect(String(errors[0]?.[0])).toContain('could not be stored');
    // The pages ask the worker for the rows it kept, not the pack their matcher was built with.
    await vi.waitFor(async () => expect(await servedPack()).toBeUndefined());
    full.mockRestore();
    await createStoryService(db, next).ready();
    expect(await storedHash()).toEqual([packSourceHash(next)]);
  });

  it('seeds the story again when its database was deleted under a running worker (site data cleared)', async () => {
    const db = new StoryDatabase(uniqueDbName());
    open.push(db);
    const stories = createStoryService(db, loadPackSource());
    await getStorySummary(await stories.ready());

    // Another connection deletes it: the worker's connection closes for it, and opens again, empty, on its next query.
    await deleteDatabase(db.name);

    const summary = await getStorySummary(await stories.ready());
    expect(summary.id).toBe('putin-pyongyang-summit');
  });
});
