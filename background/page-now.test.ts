import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { documentStarts, PROBE_WAIT_MS } from './document-starts';
import { pageNowIn } from './page-now';
import { claimFrame, DOCUMENT_START } from '../extension/story-keys';

const page = 'https://news.example/story';
const BEGAN = 1_700_000_000_000;
/** How far behind a process made before the computer slept turns its clock into time origins. */
const SLEPT_MS = 2 * 60 * 60 * 1000;

/** The frame's content-script world: its document's clocks (a process made before the computer slept), its address. */
function documentIn({ began, now, behindMs }: { began: number; now: number; behindMs: number }) {
  vi.spyOn(Date, 'now').mockReturnValue(now);
  vi.stubGlobal('performance', { timeOrigin: began - behindMs, now: () => now - began });
  vi.stubGlobal('location', { href: page });
}

/** The browser runs each probe in the frames' content-script world, here this one's globals, as the frames answer. */
function probesRunHere(frameIds: number[]) {
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    executeScript: vi.fn(async ({ func, args }: { func: (...args: unknown[]) => unknown; args?: unknown[] }) =>
      frameIds.map((frameId) => ({ frameId, documentId: `d${frameId}`, result: func(...(args ?? [])) })),
    ),
  };
}

describe('when the document a tab shows began, as the background asks it', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for(DOCUMENT_START)];
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('is the start the script on every page noted in the frame, on the wall clock: not the time origin of a process made before the computer slept', async () => {
    documentIn({ began: BEGAN, now: BEGAN + 400, behindMs: SLEPT_MS });
    claimFrame();
    probesRunHere([0]);
    documentIn({ began: BEGAN, now: BEGAN + 60_000, behindMs: SLEPT_MS });
    expect(await pageNowIn(3)).toEqual({ url: page, since: BEGAN });
    expect((await documentStarts(3))?.get(0)).toBe(BEGAN);
  });

  it('is noted by the probe in a frame where nothing of ours noted it yet, and read back from there by the next', async () => {
    documentIn({ began: BEGAN, now: BEGAN + 50, behindMs: SLEPT_MS });
    probesRunHere([0, 4]);
    expect(await pageNowIn(3)).toEqual({ url: page, since: BEGAN });
    documentIn({ began: BEGAN, now: BEGAN + 90_000, behindMs: SLEPT_MS });
    expect(await documentStarts(3)).toEqual(new Map([[0, BEGAN], [4, BEGAN]]));
  });

  it('first asked by a probe a minute or more after the document began, is unknown: the page not told, its frames kept as there', async () => {
    // Open since before Backstory came (a sleep since would make a start noted now hours late).
    documentIn({ began: BEGAN, now: BEGAN + 60_000 + SLEPT_MS, behindMs: 0 });
    probesRunHere([0, 4]);
    expect(await pageNowIn(3)).toBeUndefined();
    const starts = await documentStarts(3);
    expect([...starts!.keys()]).toEqual([0, 4]);
    expect(starts!.get(4)).toBeNaN();
  });

  it('is not told where the top frame cannot be asked', async () => {
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: vi.fn(async () => {
        throw new Error('Cannot access a chrome:// URL');
      }),
    };
    expect(await pageNowIn(3)).toBeUndefined();
    expect(await documentStarts(3)).toBeUndefined();
  });
});

describe('a tab that does not answer (frozen, a dialog open)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn(() => new Promise(() => {})) };
  });
  afterEach(() => vi.useRealTimers());

  it('is waited for a second at most: neither the page now nor its frames’ starts are told, and nothing waits on it longer', async () => {
    const page = pageNowIn(3);
    const starts = documentStarts(3);
    await vi.advanceTimersByTimeAsync(PROBE_WAIT_MS);
    expect(await page).toBeUndefined();
    expect(await starts).toBeUndefined();
  });

  it('is not asked again until its last ask is answered: the reports of its other frames meanwhile wait on nothing', async () => {
    let answer: (frames: unknown) => void = () => {};
    const executeScript = vi.fn(() => new Promise((done) => (answer = done)));
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    const first = pageNowIn(5);
    await vi.advanceTimersByTimeAsync(PROBE_WAIT_MS);
    expect(await first).toBeUndefined();
    expect(await pageNowIn(5)).toBeUndefined();
    expect(executeScript).toHaveBeenCalledTimes(1);
    // The dialog closed: the page answers the ask it held, and the next report asks again.
    answer([{ result: { url: 'https://news.example/a', since: 1 } }]);
    await vi.advanceTimersByTimeAsync(0);
    const again = pageNowIn(5);
    answer([{ result: { url: 'https://news.example/a', since: 1 } }]);
    expect(await again).toEqual({ url: 'https://news.example/a', since: 1 });
    expect(executeScript).toHaveBeenCalledTimes(2);
  });
});
