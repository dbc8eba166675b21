import { browser } from 'wxt/browser';
import { migrateSettingsV1, normalizeSettings, type Settings, type SettingsV1 } from '../core/settings';
import { SETTINGS_AREA as AREA, SETTINGS_KEY as KEY } from './settings-key';

/** Stored settings of any version, read as the current version: whatever is stored, or sent. */
export function settingsFrom(raw: unknown): Settings {
  const v1 = raw as SettingsV1 | undefined;
  if (v1 && typeof v1 === 'object' && 'disabledCategories' in v1) return migrateSettingsV1(v1);
  return normalizeSettings(raw);
}

/**
 * Reads and watches the settings with the plain storage API: the annotator, in
 * every page with the story, cannot afford the storage library the popup uses to write them.
 */
export async function readSettingsLight(): Promise<Settings> {
  const stored = await browser.storage[AREA].get(KEY);
  return settingsFrom(stored[KEY]);
}

export function watchSettingsLight(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === AREA && KEY in changes) onChange(settingsFrom(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export interface SettingsFollower {
  /** From now on, `apply` gets the settings: at once the latest known, `sent` unless a change came since; then each change. */
  follow(sent: Settings, apply: (settings: Settings) => void): void;
  stop(): void;
}

/**
 * Watches the settings before the annotator has asked for them: the settings
 * sent with its matcher were read before the reply left the background, and a
 * change the reader makes while the annotator starts would otherwise be missed
 * until the next one. Changes come in order, so the last one seen is never
 * older than what was sent.
 */
export function followSettingsLight(): SettingsFollower {
  let latest: Settings | undefined;
  let apply: ((settings: Settings) => void) | undefined;
  const stop = watchSettingsLight((settings) => {
    latest = settings;
    apply?.(settings);
  });
  return {
    follow(sent, onChange) {
      apply = onChange;
      onChange(latest ?? sent);
    },
    stop,
  };
}
