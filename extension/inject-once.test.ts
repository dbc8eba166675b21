import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { importScript } from './import-script';
import { frameTarget, injectOnce } from './inject-once';

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
    expect(await injectOnce(frameTarget(3, 2), '/content-scripts/card.js', 'marker', { module: true, startKey: 'start' })).toBe(false);
    // One round trip to the page: the first highlights wait for it.
    expect(calls().map((c) => c.func === importScript)).toEqual([true]);
    expect(calls()[0]).toMatchObject({ target: { tabId: 3, frameIds: [2] }, args: ['/content-scripts/card.js', 'marker', 'start'] });
    expect(calls().flatMap((c) => c.files ?? [])).toEqual([]);
  });

  it('injects the file where the import is refused', async () => {
    imports = false;
    expect(await injectOnce(frameTarget(3, 0), '/content-scripts/card.js', 'marker', { module: true, startKey: 'start' })).toBe(true);
    expect(calls().map((c) => c.files ?? (c.func === importScript ? 'import' : 'probe'))).toEqual(['import', ['/content-scripts/card.js']]);
  });

  it('injects the file of a script that is not imported, after asking whether it is there, and says it did', async () => {
    expect(await injectOnce(frameTarget(3, 0), '/content-scripts/annotator.js', 'marker')).toBe(true);
    expect(calls().map((c) => c.files ?? 'probe')).toEqual(['probe', ['/content-scripts/annotator.js']]);
  });

  it('injects no file where a script that is not imported is already running', async () => {
    present = true;
    expect(await injectOnce(frameTarget(3, 0), '/content-scripts/annotator.js', 'marker')).toBe(false);
    expect(calls().map((c) => c.files ?? 'probe')).toEqual(['probe']);
  });
});
