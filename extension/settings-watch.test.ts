import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../core/settings';
import { updateSettings } from './settings-store';
import { followSettingsLight, readSettingsLight, watchSettingsLight } from './settings-watch';

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

  it('follows from before the annotator asked: a change made while it starts is applied, not the older settings it was sent', async () => {
    const follower = followSettingsLight();
    const sent = await readSettingsLight();
    // The reader switches the site off while the matcher's reply is on its way.
    await updateSettings((s) => ({ ...s, offSites: ['example.com'] }));
    const applied: string[][] = [];
    follower.follow(sent, (s) => applied.push(s.offSites));
    await updateSettings((s) => ({ ...s, offSites: [] }));
    follower.stop();
    await updateSettings((s) => ({ ...s, offSites: ['later.example'] }));
    expect(applied).toEqual([['example.com'], []]);
  });

  it('applies the settings sent when nothing changed since', async () => {
    const follower = followSettingsLight();
    const applied: boolean[] = [];
    follower.follow({ ...DEFAULT_SETTINGS, enabled: false }, (s) => applied.push(s.enabled));
    follower.stop();
    expect(applied).toEqual([false]);
  });
});
