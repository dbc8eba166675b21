import { DEFAULT_SETTINGS, migrateSettingsV1, normalizeSettings, type Settings, type SettingsV1 } from '../core/settings';
import { OFF_SITE_PREFIX, SETTINGS_KEY } from './settings-key';

/**
 * The settings from the items of their storage area, whichever version wrote
 * them: version 1 (a list of categories switched off), version 2 (the sites in
 * one list under the settings' key, with or without the storage library's
 * version marker), or the current one (a key per site). Told apart by their
 * shape, not by a marker that may be missing.
 */
export function settingsFromItems(items: Record<string, unknown>): Settings {
  const switches = switchesFrom(items[SETTINGS_KEY]);
  const keyed = Object.keys(items)
    .filter((key) => key.startsWith(OFF_SITE_PREFIX) && items[key] !== undefined)
    .map((key) => key.slice(OFF_SITE_PREFIX.length));
  return { ...switches, offSites: [...new Set([...switches.offSites, ...keyed])] };
}

function switchesFrom(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  if ('disabledCategories' in raw) return migrateSettingsV1(raw as SettingsV1);
  const listed = (raw as { offSites?: unknown }).offSites;
  // A malformed list of sites must not cost the reader their switches, nor the sites stored by key.
  return normalizeSettings({ ...raw, offSites: Array.isArray(listed) && listed.every((site) => typeof site === 'string') ? listed : [] });
}

export interface SettingsWrite {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * What to write for the settings to read as `next`, given the stored items:
 * only the keys that change, so switching one site writes one key. A list of
 * sites left by version 2 moves to keys of their own.
 */
export function settingsWrite(items: Record<string, unknown>, next: Settings): SettingsWrite {
  const set: Record<string, unknown> = {};
  const stored = items[SETTINGS_KEY];
  const switches = { enabled: next.enabled, categories: next.categories };
  if (JSON.stringify(stored) !== JSON.stringify(switches)) set[SETTINGS_KEY] = switches;
  const off = new Set(next.offSites);
  for (const site of off) if (items[OFF_SITE_PREFIX + site] === undefined) set[OFF_SITE_PREFIX + site] = true;
  const remove = Object.keys(items).filter((key) => key.startsWith(OFF_SITE_PREFIX) && !off.has(key.slice(OFF_SITE_PREFIX.length)));
  return { set, remove };
}
