// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Settings } from '../core/settings';
import { readSettings } from '../extension/settings-store';
import { useSettings } from './use-settings';

type Hook = ReturnType<typeof useSettings>;

let root: Root | undefined;
beforeEach(() => {
  fakeBrowser.reset();
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.restoreAllMocks();
});

/** The hook in a mounted component, its latest value kept. */
async function mountSettings(): Promise<{ latest: () => Hook }> {
  let latest: Hook | undefined;
  function Probe() {
    latest = useSettings();
    return null;
  }
  root = createRoot(document.createElement('div'));
  await act(async () => root!.render(<Probe />));
  await vi.waitFor(() => expect(latest![0]).toBeDefined());
  return { latest: () => latest! };
}

const switchOff = (category: keyof Settings['categories']) => (settings: Settings) => ({
  ...settings,
  categories: { ...settings.categories, [category]: false },
});

describe('the popup’s settings', () => {
  it('saves the next change after the read that follows a write failed once', async () => {
    const { latest } = await mountSettings();
    const get = fakeBrowser.storage.sync.get.bind(fakeBrowser.storage.sync);
    let calls = 0;
    let busy = false;
    // The first change's write reads once and writes; then storage fails every read for a moment, the one that settles the change among them.
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementation(((keys: unknown) => {
      if (++calls === 2) busy = true;
      return busy && calls > 1 ? Promise.reject(new Error('storage busy')) : get(keys as null);
    }) as typeof fakeBrowser.storage.sync.get);

    await act(async () => latest()[1](switchOff('place')));
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2));
    await act(() => new Promise((settled) => setTimeout(settled, 20)));
    busy = false;
    await act(async () => latest()[1](switchOff('person')));

    await vi.waitFor(async () => expect((await readSettings()).categories).toMatchObject({ place: false, person: false }));
    expect(latest()[2]).toBe(false);
    expect(latest()[0]!.categories).toMatchObject({ place: false, person: false });
  });
});
