import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
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

describe('the story service', () => {
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
