import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../core/settings';
import { readSettings, updateSettings, watchSettings } from './settings-store';

describe('settings in browser storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with every category on', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads settings of version 1 (a list of disabled categories), and writes them as the current version', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: true, disabledCategories: ['place'] }, settings$: { v: 1 } });
    expect((await readSettings()).categories).toEqual({ person: true, country: true, organization: true, place: false });
    await updateSettings((s) => ({ ...s, offSites: ['news.example'] }));
    expect(await fakeBrowser.storage.sync.get(['settings', 'off:news.example'])).toEqual({
      settings: { enabled: true, categories: { person: true, country: true, organization: true, place: false } },
      'off:news.example': true,
    });
  });

  it('keeps the sites of version 2 stored without a version marker', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, offSites: ['news.example'] } });
    expect((await readSettings()).offSites).toEqual(['news.example']);
  });

  it('a site switched off in another browser is kept when this one switches off another', async () => {
    await updateSettings((s) => ({ ...s, offSites: ['a.example'] }));
    // What storage.sync brings from the reader's other browser: one key.
    await fakeBrowser.storage.sync.set({ 'off:b.example': true });
    await updateSettings((s) => ({ ...s, offSites: [...s.offSites, 'c.example'] }));
    expect((await readSettings()).offSites.sort()).toEqual(['a.example', 'b.example', 'c.example']);
    await updateSettings((s) => ({ ...s, offSites: s.offSites.filter((site) => site !== 'a.example') }));
    expect((await readSettings()).offSites.sort()).toEqual(['b.example', 'c.example']);
  });

  it('tells watchers about a change made anywhere, and stops when asked', async () => {
    const seen: string[][] = [];
    const stop = watchSettings((s) => seen.push(s.offSites));
    await updateSettings((s) => ({ ...s, offSites: ['a.example'] }));
    await fakeBrowser.storage.sync.remove('off:a.example');
    await vi.waitFor(() => expect(seen).toEqual([['a.example'], []]));
    stop();
    await updateSettings((s) => ({ ...s, enabled: false }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(2);
  });

  it('leaves what was stored when storage refuses a write', async () => {
    await updateSettings((s) => ({ ...s, offSites: ['a.example'] }));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(updateSettings((s) => ({ ...s, enabled: false, offSites: [] }))).rejects.toThrow('QUOTA_BYTES');
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, offSites: ['a.example'] });
  });
});
