import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readWhereNotRunning, storyRunning } from './read-page-now';
import { HIGHLIGHT_STYLES, STORY_SCRIPT } from '../extension/story-keys';

type Injection = { target: { tabId: number; frameIds?: number[]; allFrames?: boolean }; func?: unknown; files?: string[]; injectImmediately?: boolean };

/** A tab's frames answering the probe (`asked at once`, then `once idle`); what went into which frames, in order. */
function frames(atOnce: Record<number, boolean | 'loading'>, onceIdle: Record<number, boolean> = {}) {
  const done: string[] = [];
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    executeScript: vi.fn(async ({ target, func, files, injectImmediately }: Injection) => {
      const ids = target.frameIds ?? Object.keys(atOnce).map(Number);
      if (files) {
        done.push(`${files.join()} into ${ids.join()}${injectImmediately ? ' at once' : ''}`);
        return ids.map((frameId) => ({ frameId, documentId: `d${frameId}`, result: undefined }));
      }
      expect(func).toBe(storyRunning);
      done.push(`asked ${ids.join()}${injectImmediately ? ' at once' : ' once idle'}`);
      return ids.map((frameId) => ({ frameId, documentId: `d${frameId}`, result: injectImmediately ? atOnce[frameId] : onceIdle[frameId] }));
    }),
    insertCSS: vi.fn(async ({ target, files }: Injection) => void done.push(`${files!.join()} into ${target.frameIds!.join()}`)),
  };
  return done;
}

describe('putting the script on every page into a tab’s frames where it does not run', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('asks every frame at once, not once its page is idle, and puts the script at once where a page is in without it', async () => {
    const done = frames({ 0: true, 3: false });
    expect(await readWhereNotRunning(8)).toBe(true);
    expect(done).toEqual(['asked 0,3 at once', `/${HIGHLIGHT_STYLES} into 3`, `/${STORY_SCRIPT} into 3 at once`]);
  });

  it('asks a frame whose page is still loading again once it is idle, and leaves it to the browser where the browser ran the script meanwhile', async () => {
    const done = frames({ 0: 'loading', 4: 'loading' }, { 0: true, 4: false });
    expect(await readWhereNotRunning(8)).toBe(true);
    expect(done).toEqual(['asked 0,4 at once', 'asked 0,4 once idle', `/${HIGHLIGHT_STYLES} into 4`, `/${STORY_SCRIPT} into 4 at once`]);
  });

  it('puts nothing where the script runs, and tells so', async () => {
    const done = frames({ 0: true, 2: true });
    expect(await readWhereNotRunning(8)).toBe(false);
    expect(done).toEqual(['asked 0,2 at once']);
  });

  it('tells the frames apart in the frame itself: the script’s mark, else whether the page is still coming in', () => {
    vi.stubGlobal('document', { readyState: 'loading' });
    expect(storyRunning('backstory.test-mark')).toBe('loading');
    vi.stubGlobal('document', { readyState: 'interactive' });
    expect(storyRunning('backstory.test-mark')).toBe(false);
    (globalThis as Record<symbol, unknown>)[Symbol.for('backstory.test-mark')] = true;
    expect(storyRunning('backstory.test-mark')).toBe(true);
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('backstory.test-mark')];
    vi.unstubAllGlobals();
  });
});
