import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings';
import { settingsFromItems, settingsWrite } from './settings-layout';

const switches = { enabled: true, categories: { person: true, country: false, organization: true, place: true } };

describe('the settings as stored', () => {
  it('reads the switches and a key for each site switched off', () => {
    expect(settingsFromItems({ settings: switches, 'off:a.example': true, 'off:b.example': true, unrelated: 1 })).toEqual({
      ...switches,
      offSites: ['a.example', 'b.example'],
    });
  });

  it('reads version 2’s list of sites, with or without the storage library’s version marker, and keeps it with keyed sites', () => {
    const v2 = { ...switches, offSites: ['old.example'] };
    expect(settingsFromItems({ settings: v2 }).offSites).toEqual(['old.example']);
    expect(settingsFromItems({ settings: v2, settings$: { v: 2 }, 'off:new.example': true }).offSites).toEqual(['old.example', 'new.example']);
  });

  it('reads version 1’s list of categories switched off', () => {
    expect(settingsFromItems({ settings: { enabled: false, disabledCategories: ['place'] } })).toEqual({
      enabled: false,
      categories: { person: true, country: true, organization: true, place: false },
      offSites: [],
    });
  });

  it('reads a malformed version 1 as the defaults, keeping what is well formed, rather than throwing for every reader', () => {
    expect(settingsFromItems({ settings: { disabledCategories: 5 }, 'off:a.example': true })).toEqual({ ...DEFAULT_SETTINGS, offSites: ['a.example'] });
    expect(settingsFromItems({ settings: { enabled: 'no', disabledCategories: ['place'] } }).categories.place).toBe(false);
    expect(settingsFromItems({ settings: { enabled: 'no', disabledCategories: null } }).enabled).toBe(true);
  });

  it('keeps the switches when the list of sites is malformed, and the sites when the switches are', () => {
    expect(settingsFromItems({ settings: { ...switches, offSites: 'x' } })).toEqual({ ...switches, offSites: [] });
    expect(settingsFromItems({ settings: { enabled: 'yes' }, 'off:a.example': true })).toEqual({ ...DEFAULT_SETTINGS, offSites: ['a.example'] });
    expect(settingsFromItems({})).toEqual(DEFAULT_SETTINGS);
  });
});

describe('what a change writes', () => {
  const stored = { settings: switches, 'off:a.example': true };

  it('switching a site off or on writes or removes that site’s key alone', () => {
    expect(settingsWrite(stored, { ...switches, offSites: ['a.example', 'b.example'] })).toEqual({ set: { 'off:b.example': true }, remove: [] });
    expect(settingsWrite(stored, { ...switches, offSites: [] })).toEqual({ set: {}, remove: ['off:a.example'] });
  });

  it('a switch writes the switches alone', () => {
    const off = { ...switches, enabled: false };
    expect(settingsWrite(stored, { ...off, offSites: ['a.example'] })).toEqual({ set: { settings: off }, remove: [] });
  });

  it('moves version 2’s list to keys of their own, and what it writes reads back as the change', () => {
    const v2 = { settings: { ...switches, offSites: ['old.example', 'a.example'] } };
    const next = { ...switches, offSites: ['old.example', 'a.example', 'new.example'] };
    const write = settingsWrite(v2, next);
    expect(write).toEqual({ set: { settings: switches, 'off:old.example': true, 'off:a.example': true, 'off:new.example': true }, remove: [] });
    expect(settingsFromItems({ ...v2, ...write.set })).toEqual(next);
  });
});
