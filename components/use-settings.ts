import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../core/settings';
import { readSettings, updateSettings, watchSettings } from '../extension/settings-store';

/**
 * The reader's settings and a way to change them. A change shows at once and is
 * written in the order made: two quick toggles must not both start from the old value.
 * While writes are pending, the storage's own news is older than what the reader
 * sees (the first write's event lacks the second change): it is ignored, and the
 * stored value read once they are done, which also undoes a write that failed.
 * `saveFailed` says a change could not be saved (the browser's synced storage
 * full, or written too often), for the popup to tell the reader: 0 when none
 * did since the last change began, else a number new with each failure, so a
 * second one is told as a new alert, not as the same words left on screen.
 */
export interface SettingsState {
  settings: Settings | undefined;
  change: (change: (settings: Settings) => Settings) => void;
  saveFailed: number;
  /** The settings could not be read at all (the browser's storage failing): "Loading…" would be a lie. */
  readFailed: boolean;
  /** Reads them again after that. */
  retry: () => void;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings>();
  const [saveFailed, setSaveFailed] = useState(0);
  const failures = useRef(0);
  const [readFailed, setReadFailed] = useState(false);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const live = useRef(true);

  const heard = useCallback((value: Settings) => {
    if (!live.current || pending.current > 0) return;
    setSettings(value);
    setReadFailed(false);
  }, []);
  const read = useCallback(
    () =>
      void readSettings().then(heard, (error: unknown) => {
        console.error('Backstory could not read its settings', error);
        if (live.current) setReadFailed(true);
      }),
    [heard],
  );

  useEffect(() => {
    live.current = true;
    read();
    const unwatch = watchSettings(heard);
    return () => {
      live.current = false;
      unwatch();
    };
  }, [read, heard]);

  const change = useCallback((apply: (settings: Settings) => Settings) => {
    setSettings((current) => (current ? apply(current) : current));
    // An earlier failure told while this change is written would read as this one's.
    setSaveFailed(0);
    pending.current++;
    writes.current = writes.current
      .then(() => updateSettings(apply))
      .catch(() => live.current && setSaveFailed(++failures.current))
      .then(async () => {
        if (--pending.current > 0) return;
        // A failed read must not fail the chain: every later change would be skipped, told "could not be saved".
        const stored = await readSettings().catch(() => undefined);
        if (stored && live.current && pending.current === 0) setSettings(stored);
      });
  }, []);

  const retry = useCallback(() => {
    setReadFailed(false);
    read();
  }, [read]);

  return { settings, change, saveFailed, readFailed, retry };
}
