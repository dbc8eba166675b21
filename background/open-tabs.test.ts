import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { reachOpenTabs } from './open-tabs';

const WAIT_MS = 30;

/**
 * The tabs open as the extension loads: each answers the probe of its frames at once, or (`silent`) not until woken
 * (frozen, a dialog open). The tabs asked, in order; `wake` has a silent tab answer.
 */
function openTabs(ids: number[], silent: number[] = []) {
  const asked: number[] = [];
  const sleeping = new Map<number, () => void>();
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => ids.map((id) => ({ id }))) as never);
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    executeScript: vi.fn(async ({ target }: { target: { tabId: number } }) => {
      asked.push(target.tabId);
      if (silent.includes(target.tabId)) await new Promise<void>((wake) => sleeping.set(target.tabId, wake));
      return [{ frameId: 0, documentId: 'd', result: true }];
    }),
    insertCSS: vi.fn(async () => {}),
  };
  return { asked, wake: (id: number) => sleeping.get(id)?.(), close: (id: number) => ids.splice(ids.indexOf(id), 1) };
}

/** A worker start, which the test waits for at most a moment longer than the pass waits for its tabs. */
const start = () => Promise.race([reachOpenTabs(WAIT_MS), new Promise((done) => setTimeout(done, 10 * WAIT_MS))]);

describe('reaching the tabs open when the extension was loaded', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('asks every tab once: the worker’s next starts ask none again', async () => {
    const { asked } = openTabs([1, 2, 3]);
    await start();
    await start();
    expect(asked).toEqual([1, 2, 3]);
  });

  it('a tab that does not answer (frozen, a dialog open) holds back neither the others nor the next start, which asks it alone again', async () => {
    const { asked } = openTabs([1, 2, 3], [2]);
    await start();
    expect(asked).toEqual([1, 2, 3]);
    await start();
    expect(asked).toEqual([1, 2, 3, 2]);
  });

  it('a tab that answers once the pass stopped waiting for it is reached: the next start asks nothing', async () => {
    const { asked, wake } = openTabs([1, 2, 3], [2]);
    await start();
    wake(2);
    await new Promise((done) => setTimeout(done, WAIT_MS));
    await start();
    expect(asked).toEqual([1, 2, 3]);
  });

  it('a tab left and closed since is asked no more', async () => {
    const { asked, close } = openTabs([1, 2, 3], [2]);
    await start();
    close(2);
    await start();
    await start();
    expect(asked).toEqual([1, 2, 3]);
  });
});
