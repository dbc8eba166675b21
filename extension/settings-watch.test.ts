import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../core/settings';
import { updateSettings } from './settings-store';
import { readSettingsLight, watchSettingsLight } from './settings-watch';

describe('the content script’s view of the settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what the settings store wrote', async () => {
    expect(await readSettingsLight()).toEqual(DEFAULT_SETTINGS);
    await updateSettings((s) => ({ ...s, offSites: ['example.com'] }));
    expect((await readSettingsLight()).offSites).toEqual(['example.com']);
  });

  it('reads version 1 settings as version 2 before the background migrated them', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: true, disabledCategories: ['person'] } });
    expect((await readSettingsLight()).categories.person).toBe(false);
  });

  it('hears every change, and stops hearing when unsubscribed', async () => {
    const seen: boolean[] = [];
    const stop = watchSettingsLight((s) => seen.push(s.enabled));
    await updateSettings((s) => ({ ...s, enabled: false }));
    stop();
    await updateSettings((s) => ({ ...s, enabled: true }));
    expect(seen).toEqual([false]);
  });
});
