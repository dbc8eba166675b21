import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ANNOTATOR_MARKER, SERVED_PACK_KEY, takeLocalStart, takeMatcherReply } from './annotator-keys';
import { plainlyOn, requestAnnotator } from './request-annotator';
import { OFF_SITE_PREFIX, SETTINGS_KEY } from './settings-key';

const dir = mkdtempSync(join(tmpdir(), 'backstory-request-'));
mkdirSync(join(dir, 'content-scripts'));
const world = globalThis as unknown as Record<string, unknown> & Record<symbol, unknown>;
/** Where the annotator's file is: unset, its import is refused, as in a sandboxed frame. */
let annotatorAt: string | undefined;
// The import runs in the content scripts' world, through its chrome (import-script.ts); the rest through the API WXT's tests give.
world.chrome = { runtime: { getURL: (path: string) => (annotatorAt ? pathToFileURL(join(annotatorAt, path)).href : 'chrome-extension://refused/x.js') } };
let sendMessage: ReturnType<typeof vi.fn>;
// A top frame's window, as the script on every page sees it: the module's import is Node's, which Vite's page environments would resolve instead.
world.window = world;
world.top = world;
world.location = { hostname: 'news.example' };
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const key of ['chrome', 'window', 'top', 'location']) delete world[key];
});

/** A copy of the annotator that marks itself, as the real one does, and notes that it ran; a new file each time, so it is evaluated anew. */
let copies = 0;
function annotatorFile(): void {
  annotatorAt = join(dir, `copy-${++copies}`);
  mkdirSync(join(annotatorAt, 'content-scripts'), { recursive: true });
  writeFileSync(join(annotatorAt, 'content-scripts/annotator.js'), `globalThis[Symbol.for('${ANNOTATOR_MARKER}')] = true; globalThis.imported = (globalThis.imported ?? 0) + 1;`);
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
const asked = () => sendMessage.mock.calls.map(([message]) => message.type);

describe('the screen bringing in the annotator of a top frame', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    sendMessage = vi.fn(async (message: { type: string }) => (message.type === 'page/annotate' ? { annotated: true } : undefined));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sendMessage as never);
    delete world[Symbol.for(ANNOTATOR_MARKER)];
    world.imported = 0;
    takeLocalStart();
    takeMatcherReply();
    annotatorFile();
    await fakeBrowser.storage.local.set({ [SERVED_PACK_KEY]: 'pack' });
  });

  it('imports it itself where Backstory is on, asking the worker nothing, and leaves it what storage holds', async () => {
    const onFailure = vi.fn();
    requestAnnotator(onFailure);
    await settled();
    expect(world.imported).toBe(1);
    expect(asked()).toEqual([]);
    expect(takeLocalStart()).toEqual({ items: {}, site: 'news.example', servedPack: 'pack' });
    expect(onFailure).not.toHaveBeenCalled();
  });

  it('leaves switches Backstory has on to the annotator, the way they were stored', async () => {
    const switches = { enabled: true, categories: { person: true, country: false, organization: true, place: true } };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: switches });
    requestAnnotator(() => {});
    await settled();
    expect(world.imported).toBe(1);
    expect(takeLocalStart()?.items).toEqual({ [SETTINGS_KEY]: switches });
  });

  it('asks the worker where Backstory is off, everywhere or on this site: it imports nothing', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: false, categories: {} } });
    requestAnnotator(() => {});
    await settled();
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: true, categories: {} }, [`${OFF_SITE_PREFIX}news.example`]: true });
    requestAnnotator(() => {});
    await settled();
    expect(world.imported).toBe(0);
    expect(asked()).toEqual(['matcher/get', 'page/annotate', 'matcher/get', 'page/annotate']);
    expect(takeLocalStart()).toBeUndefined();
  });

  it('asks the worker in an embedded frame: the site switched off is the tab’s, which it cannot read', async () => {
    world.top = {};
    requestAnnotator(() => {});
    await settled();
    world.top = world;
    expect(world.imported).toBe(0);
    expect(asked()).toEqual(['matcher/get', 'page/annotate']);
  });

  it('asks the worker where the import is refused, and takes back what it left for the annotator', async () => {
    annotatorAt = undefined;
    requestAnnotator(() => {});
    await settled();
    expect(asked()).toEqual(['matcher/get', 'page/annotate']);
    expect(takeLocalStart()).toBeUndefined();
  });

  it('tells of a failure when neither storage nor the worker can be reached (the extension reloaded)', async () => {
    const gone = () => Promise.reject(new Error('Extension context invalidated.'));
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementation(gone);
    sendMessage.mockImplementation(gone);
    const onFailure = vi.fn();
    requestAnnotator(onFailure);
    await settled();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(world.imported).toBe(0);
  });
});

describe('whether the stored switches plainly have Backstory on at a site', () => {
  it('is so with none stored, or as this version writes them with Backstory on', () => {
    expect(plainlyOn(undefined, 'news.example')).toBe(true);
    expect(plainlyOn({ enabled: true, categories: { person: false } }, 'news.example')).toBe(true);
  });

  it('is not with Backstory off, the site in an older version’s list, or anything else stored: the worker reads those', () => {
    expect(plainlyOn({ enabled: false, categories: {} }, 'news.example')).toBe(false);
    expect(plainlyOn({ enabled: true, offSites: ['news.example'] }, 'news.example')).toBe(false);
    expect(plainlyOn({ enabled: true, offSites: ['other.example'] }, 'news.example')).toBe(true);
    expect(plainlyOn({ enabled: true, offSites: 'news.example' }, 'news.example')).toBe(false);
    expect(plainlyOn({ disabledCategories: [] }, 'news.example')).toBe(false);
    expect(plainlyOn({ enabled: 'yes' }, 'news.example')).toBe(false);
    expect(plainlyOn(null, 'news.example')).toBe(false);
    expect(plainlyOn('on', 'news.example')).toBe(false);
  });
});
