import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importScript } from './import-script';
import { leaveStart } from './script-start';

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
