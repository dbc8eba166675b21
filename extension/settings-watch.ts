import type { Settings } from '../core/settings';
import { onSettingsChanged, readSettings } from './settings-store';

export interface SettingsFollower {
  /** From now on, `apply` gets the settings: the latest known, `sent` unless a change came since; then each change. */
  follow(sent: Settings, apply: (settings: Settings) => void): void;
  stop(): void;
}

/**
 * Watches the settings before the annotator has asked for them: the settings
 * sent with its matcher were read before the reply left the background, and a
 * change the reader makes while the annotator starts would otherwise be missed
 * until the next one. A change heard but not yet read is waited for, so the
 * page does not show the older settings for a moment first.
 */
export function followSettings(): SettingsFollower {
  let latest: Settings | undefined;
  let sent: Settings | undefined;
  let apply: ((settings: Settings) => void) | undefined;
  let unread = 0;
  let following = true;
  const stopHearing = onSettingsChanged(() => {
    unread++;
    readSettings().then(
      (settings) => {
        unread--;
        latest = settings;
        if (following) apply?.(settings);
      },
      () => {
        unread--;
        // Storage could not be read: what was sent is better than nothing applied at all.
        if (following && latest === undefined && sent) apply?.(sent);
      },
    );
  });
  return {
    follow(sentSettings, onChange) {
      sent = sentSettings;
      apply = onChange;
      if (latest) onChange(latest);
      else if (unread === 0) onChange(sentSettings);
    },
    stop() {
      following = false;
      stopHearing();
    },
  };
}
