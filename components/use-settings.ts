import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../core/settings';
import { readSettings, updateSettings, watchSettings } from '../extension/settings-store';

/**
 * The reader's settings and a way to change them. A change shows at once and is
 * written in the order made: two quick toggles must not both start from the old value.
 * While writes are pending, the storage's own news is older than what the reader
 * sees (the first write's event lacks the second change): it is ignored, and the
 * stored value read once they are done, which also undoes a write that failed.
 * The third value says the last change could not be saved (the browser's
 * synced storage full, or written too often), for the popup to tell the reader.
 */
export function useSettings(): [Settings | undefined, (change: (settings: Settings) => Settings) => void, boolean] {
  const [settings, setSettings] = useState<Settings>();
  const [saveFailed, setSaveFailed] = useState(false);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    void readSettings().then((value) => live.current && pending.current === 0 && setSettings(value));
    const unwatch = watchSettings((value) => live.current && pending.current === 0 && setSettings(value));
    return () => {
      live.current = false;
      unwatch();
    };
  }, []);

  const change = useCallback((apply: (settings: Settings) => Settings) => {
    setSettings((current) => (current ? apply(current) : current));
    pending.current++;
    writes.current = writes.current
      .then(() => updateSettings(apply))
      .then(
        () => live.current && setSaveFailed(false),
        () => live.current && setSaveFailed(true),
      )
      .then(async () => {
        if (--pending.current > 0) return;
        // A failed read must not fail the chain: every later change would be skipped, told "could not be saved".
        const stored = await readSettings().catch(() => undefined);
        if (stored && live.current && pending.current === 0) setSettings(stored);
      });
  }, []);

  return [settings, change, saveFailed];
}
