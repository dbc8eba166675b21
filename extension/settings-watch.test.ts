import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../core/settings';
import { readSettings, updateSettings } from './settings-store';
import { followSettings } from './settings-watch';

describe('the annotator following the settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a change made while it starts is applied, never the older settings it was sent first', async () => {
    const follower = followSettings();
    const sent = await readSettings();
    // The reader switches the site off while the matcher's reply is on its way: the follower may not have read it yet.
    await updateSettings((s) => ({ ...s, offSites: ['example.com'] }));
    const applied: string[][] = [];
    follower.follow(sent, (s) => applied.push(s.offSites));
    await vi.waitFor(() => expect(applied).toEqual([['example.com']]));
    await updateSettings((s) => ({ ...s, offSites: [] }));
    await vi.waitFor(() => expect(applied).toEqual([['example.com'], []]));
    follower.stop();
    await updateSettings((s) => ({ ...s, offSites: ['later.example'] }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(applied).toEqual([['example.com'], []]);
  });

  it('applies the settings sent, at once, when nothing changed since', () => {
    const follower = followSettings();
    const applied: boolean[] = [];
    follower.follow({ ...DEFAULT_SETTINGS, enabled: false }, (s) => applied.push(s.enabled));
    follower.stop();
    expect(applied).toEqual([false]);
  });

  it('applies the settings sent when a change is heard but storage cannot be read', async () => {
    const follower = followSettings();
    // Fails only after the annotator started following: until then a change is heard and not read, and nothing is applied.
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementation(
      () => new Promise((_resolve, reject) => setTimeout(() => reject(new Error('storage is gone')), 30)),
    );
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    const applied: boolean[] = [];
    follower.follow(DEFAULT_SETTINGS, (s) => applied.push(s.enabled));
    expect(applied).toEqual([]);
    await vi.waitFor(() => expect(applied).toEqual([true]));
    follower.stop();
  });
});
