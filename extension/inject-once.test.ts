import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { importScript, injectOnce } from './inject-once';
import { leaveStart } from './script-start';

type Injection = { files?: string[]; func?: (...args: never[]) => unknown; args?: unknown[] };

describe('injectOnce, for a script imported as a module', () => {
  let executeScript: ReturnType<typeof vi.fn>;
  /** What the frame answers: whether the script is there, and whether the import worked. */
  let present: boolean;
  let imports: boolean;
  beforeEach(() => {
    fakeBrowser.reset();
    present = false;
    imports = true;
    executeScript = vi.fn(async (options: Injection) => {
      const result = options.files ? undefined : options.func === importScript ? imports : present;
      return [{ frameId: 0, documentId: 'd', result }];
    });
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  });
  const calls = () => executeScript.mock.calls.map(([options]) => options as Injection);

  it('imports the script into the frame in one call, which asks whether it is there, and injects no file', async () => {
    await injectOnce(3, 2, '/content-scripts/card.js', 'marker', { module: true, startKey: 'start' });
    // One round trip to the page: the first highlights wait for it.
    expect(calls().map((c) => c.func === importScript)).toEqual([true]);
    expect(calls()[0]).toMatchObject({ target: { tabId: 3, frameIds: [2] }, args: ['/content-scripts/card.js', 'marker', 'start'] });
    expect(calls().flatMap((c) => c.files ?? [])).toEqual([]);
  });

  it('injects the file where the import is refused', async () => {
    imports = false;
    await injectOnce(3, 0, '/content-scripts/card.js', 'marker', { module: true, startKey: 'start' });
    expect(calls().map((c) => c.files ?? (c.func === importScript ? 'import' : 'probe'))).toEqual(['import', ['/content-scripts/card.js']]);
  });

  it('injects the file of a script that is not imported, after asking whether it is there', async () => {
    await injectOnce(3, 0, '/content-scripts/annotator.js', 'marker');
    expect(calls().map((c) => c.files ?? 'probe')).toEqual(['probe', ['/content-scripts/annotator.js']]);
  });

  it('injects no file where a script that is not imported is already running', async () => {
    present = true;
    await injectOnce(3, 0, '/content-scripts/annotator.js', 'marker');
    expect(calls().map((c) => c.files ?? 'probe')).toEqual(['probe']);
  });
});

describe('importScript, in the frame', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-import-'));
  const world = globalThis as unknown as { chrome?: unknown; started?: string[] } & Record<symbol, unknown>;
  world.chrome = { runtime: { getURL: (path: string) => pathToFileURL(join(dir, path)).href } };
  (world as Record<string, unknown>).leaveStart = leaveStart;
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    delete world.chrome;
    delete (world as Record<string, unknown>).leaveStart;
  });

  it('imports the script and settles once the start it leaves settles', async () => {
    world.started = [];
    // A script that, like the card, leaves its start and finishes it later.
    writeFileSync(
      join(dir, 'slow.js'),
      `globalThis.leaveStart('test.start', new Promise((done) => setTimeout(() => { globalThis.started.push('ready'); done(); }, 30)));`,
    );
    expect(await importScript('/slow.js', 'test.slow', 'test.start')).toBe(true);
    expect(world.started).toEqual(['ready']);
  });

  it('settles once imported when the script leaves no start', async () => {
    writeFileSync(join(dir, 'plain.js'), `globalThis.started.push('evaluated');`);
    world.started = [];
    expect(await importScript('/plain.js', 'test.plain', null)).toBe(true);
    expect(world.started).toEqual(['evaluated']);
  });

  it('answers false where the script cannot be imported, for the file to be injected instead', async () => {
    expect(await importScript('/missing.js', 'test.missing', null)).toBe(false);
  });

  it('imports nothing where the script has marked itself already', async () => {
    writeFileSync(join(dir, 'again.js'), `globalThis.started.push('evaluated again');`);
    world.started = [];
    world[Symbol.for('test.again')] = true;
    expect(await importScript('/again.js', 'test.again', null)).toBe(true);
    expect(world.started).toEqual([]);
    delete world[Symbol.for('test.again')];
  });
});
