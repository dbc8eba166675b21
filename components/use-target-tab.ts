import { useCallback, useEffect, useState } from 'react';
import { earlyKey, takeEarly } from '../extension/early-requests';
import { findTargetTab, type TargetTab } from '../extension/target-tab';
import { LOADING, type Loadable } from './loadable';

/** The tab the popup is about, and whether it is in a private window (its choices must leave no synced trace). */
export type PopupTab = TargetTab;

/**
 * The tab the popup is about; `undefined` once resolved means there is none.
 * Also returns a way to ask again after it failed.
 */
export function useTargetTab(search: string): [Loadable<PopupTab | undefined>, () => void] {
  const [target, setTarget] = useState<Loadable<PopupTab | undefined>>(LOADING);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    if (attempt > 0) setTarget(LOADING);
    // The early request is the first attempt's: a second one asks the browser anew.
    const finding = (attempt === 0 ? takeEarly<TargetTab | undefined>(earlyKey.target(search)) : undefined) ?? findTargetTab(search);
    finding.then(
      (value) => live && setTarget({ status: 'ready', value }),
      (error: unknown) => live && setTarget({ status: 'error', error: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [search, attempt]);
  return [target, useCallback(() => setAttempt((n) => n + 1), [])];
}
