import type { MatchState } from './types';

/** A fresh state for one page (or one document scanned on its own). */
export function createMatchState(): MatchState {
  return { seen: new Map(), elsewhere: new Set(), clock: 0 };
}

export function markSeen(state: MatchState, entityId: string): void {
  state.seen.set(entityId, ++state.clock);
}
