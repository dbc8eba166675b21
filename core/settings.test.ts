import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from './settings';

describe('settings read from storage', () => {
  it('keeps every valid switch when one category is missing: a reader who switched Backstory off stays off', () => {
    // As stored by a version before a category was added.
    const stored = { enabled: false, categories: { person: false, country: true, organization: true }, offSites: ['a.example'] };
    expect(normalizeSettings(stored)).toEqual({
      enabled: false,
      categories: { person: false, country: true, organization: true, place: true },
      offSites: ['a.example'],
    });
  });

  it('gives a malformed switch its default and keeps the others', () => {
    const stored = { enabled: 'no', categories: { person: false, country: 'yes', organization: false, place: true }, offSites: 'a.example' };
    expect(normalizeSettings(stored)).toEqual({
      enabled: true,
      categories: { person: false, country: true, organization: false, place: true },
      offSites: [],
    });
  });

  it('drops what it does not know and reads nothing into a value that is not settings', () => {
    const stored = { enabled: false, categories: { person: true, country: false, organization: true, place: true, weather: true }, offSites: [] };
    expect(normalizeSettings(stored).categories).toEqual({ person: true, country: false, organization: true, place: true });
    for (const raw of [null, undefined, 7, 'settings', []]) expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
});
