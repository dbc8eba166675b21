/**
 * Where the reader's settings are stored: alone in this file so the script on
 * every page can watch them without bundling their schema.
 *
 * The switches live under one key; each site switched off under a key of its
 * own. storage.sync keeps at most 8,192 bytes an item, which one list filled at
 * about 230 sites; and it settles edits from two browsers key by key, so a site
 * switched off in one is not undone by a list written whole in the other.
 */
export const SETTINGS_AREA = 'sync';
export const SETTINGS_KEY = 'settings';
export const OFF_SITE_PREFIX = 'off:';

/** Whether a change to storage key `key` changes the settings. */
export function isSettingsKey(key: string): boolean {
  return key === SETTINGS_KEY || key.startsWith(OFF_SITE_PREFIX);
}
