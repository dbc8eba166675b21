import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../core/settings';
import { readSettings, settingsItem, updateSettings, watchSettings } from './settings-store';

describe('settings in browser storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with every category on', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates version 1 (a list of disabled categories) to version 2', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { enabled: true, disabledCategories: ['place'] },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    const settings = await readSettings();
    expect(settings.categories).toEqual({ person: true, country: true, organization: true, place: false });
    expect(settings.offSites).toEqual([]);
  });

  it('tells watchers about a change made anywhere', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.categories.person));
    await updateSettings((s) => ({ ...s, categories: { ...s.categories, person: false } }));
    stop();
    expect(seen).toEqual([false]);
  });

  it('falls back to the defaults when stored settings are malformed', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: 'yes' } });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
