import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../core/settings';
import { readSettings, updateSettings, watchSettings } from '../extension/settings-store';

/**
 * The reader's settings and a way to change them. A change shows at once and is
 * written in the order made: two quick toggles must not both start from the old value.
 */
export function useSettings(): [Settings | undefined, (change: (settings: Settings) => Settings) => void] {
  const [settings, setSettings] = useState<Settings>();
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void readSettings().then((value) => live && setSettings(value));
    const unwatch = watchSettings((value) => live && setSettings(value));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const change = useCallback((apply: (settings: Settings) => Settings) => {
    setSettings((current) => (current ? apply(current) : current));
    writes.current = writes.current.then(() => updateSettings(apply)).catch(async () => setSettings(await readSettings()));
  }, []);

  return [settings, change];
}
