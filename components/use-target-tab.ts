import { useEffect, useState } from 'react';
import { earlyKey, takeEarly } from '../extension/early-requests';
import { findTargetTab, type TargetTab } from '../extension/target-tab';
import { LOADING, type Loadable } from './loadable';

/** The tab the popup is about; `undefined` once resolved means there is none. */
export function useTargetTab(search: string): Loadable<TargetTab | undefined> {
  const [target, setTarget] = useState<Loadable<TargetTab | undefined>>(LOADING);
  useEffect(() => {
    let live = true;
    (takeEarly<TargetTab | undefined>(earlyKey.target(search)) ?? findTargetTab(search)).then(
      (value) => live && setTarget({ status: 'ready', value }),
      (error: unknown) => live && setTarget({ status: 'error', error: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [search]);
  return target;
}
