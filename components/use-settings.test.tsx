// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { SETTINGS_KEY } from '../extension/settings-key';
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
async function mountSettings(loaded = true): Promise<{ latest: () => Hook }> {
  let latest: Hook | undefined;
  function Probe() {
    latest = useSettings();
    return null;
  }
  root = createRoot(document.createElement('div'));
  await act(async () => root!.render(<Probe />));
  if (loaded) await vi.waitFor(() => expect(latest!.settings).toBeDefined());
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

    await act(async () => latest().change(switchOff('place')));
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2));
    await act(() => new Promise((settled) => setTimeout(settled, 20)));
    busy = false;
    await act(async () => latest().change(switchOff('person')));

    await vi.waitFor(async () => expect((await readSettings()).categories).toMatchObject({ place: false, person: false }));
    expect(latest().saveFailed).toBe(0);
    expect(latest().settings!.categories).toMatchObject({ place: false, person: false });
  });

  it('says the settings could not be read, rather than loading for good, and reads them on Try again', async () => {
    const get = fakeBrowser.storage.sync.get.bind(fakeBrowser.storage.sync);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: false, categories: DEFAULT_SETTINGS.categories } });
    let failing = true;
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementation(((keys: unknown) =>
      failing ? Promise.reject(new Error('storage unavailable')) : get(keys as null)) as typeof fakeBrowser.storage.sync.get);
    vi.spyOn(console, 'error').mockImplementation(() => {});

    const { latest } = await mountSettings(false);
    await vi.waitFor(() => expect(latest().readFailed).toBe(true));
    expect(latest().settings).toBeUndefined();

    failing = false;
    await act(async () => latest().retry());
    await vi.waitFor(() => expect(latest().settings?.enabled).toBe(false));
    expect(latest().readFailed).toBe(false);
  });

  it('tells each failed save as a new failure, and none while the next change is being written', async () => {
    const { latest } = await mountSettings();
    const full = Object.assign(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'), { name: 'QuotaExceededError' });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(full);

    await act(async () => latest().change(switchOff('place')));
    await vi.waitFor(() => expect(latest().saveFailed).toBeGreaterThan(0));
    const first = latest().saveFailed;

    let refuse: (() => void) | undefined;
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(() => new Promise((_, refused) => (refuse = () => refused(full))));
    await act(async () => latest().change(switchOff('person')));
    // The first failure is not this change's: told while it is written, it would say this one failed before it had.
    await vi.waitFor(() => expect(refuse).toBeDefined());
    expect(latest().saveFailed).toBe(0);

    await act(async () => refuse!());
    await vi.waitFor(() => expect(latest().saveFailed).toBeGreaterThan(0));
    expect(latest().saveFailed).not.toBe(first);
  });
});
