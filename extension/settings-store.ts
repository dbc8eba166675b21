import { browser } from 'wxt/browser';
import type { Settings } from '../core/settings';
import { SETTINGS_AREA as AREA, isSettingsKey } from './settings-key';
import { settingsFromItems, settingsWrite } from './settings-layout';

/**
 * The reader's settings in storage.sync, synced across their browsers. Read and
 * written with the plain storage API: the annotator, in every page with the
 * story, reads them too, and cannot afford a storage library.
 */
async function settingsItems(): Promise<Record<string, unknown>> {
  const items = await browser.storage[AREA].get(null);
  return Object.fromEntries(Object.entries(items).filter(([key]) => isSettingsKey(key)));
}

export async function readSettings(): Promise<Settings> {
  return settingsFromItems(await settingsItems());
}

/** Calls `onHeard` as soon as storage tells of a change to the settings, before they can be read. */
export function onSettingsChanged(onHeard: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === AREA && Object.keys(changes).some(isSettingsKey)) onHeard();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls `onChange` with the settings after each change, made anywhere. Read
 * again rather than pieced from the change: the sites are spread over many
 * keys. Reads are answered in order, so the last one is never older than an
 * earlier one.
 */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  let watching = true;
  const stop = onSettingsChanged(() => void readSettings().then((settings) => watching && onChange(settings), () => undefined));
  return () => {
    watching = false;
    stop();
  };
}

/** Writes only the keys that change; rejects when storage refuses (its quotas), leaving what was stored. */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const items = await settingsItems();
  const next = change(settingsFromItems(items));
  const { set, remove } = settingsWrite(items, next);
  // Added first: should the removal fail, a site stays off rather than the list losing one.
  if (Object.keys(set).length > 0) await browser.storage[AREA].set(set);
  if (remove.length > 0) await browser.storage[AREA].remove(remove);
  return next;
}
