import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, migrateSettingsV1, normalizeSettings, type Settings, type SettingsV1 } from '../core/settings';

/** Synced across the reader's browsers; every extension context can watch it. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: (old: SettingsV1) => migrateSettingsV1(old) },
});

export async function readSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(normalizeSettings(value)));
}

export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = change(await readSettings());
  await settingsItem.setValue(next);
  return next;
}
