import type { MatchState } from './types';

/** A fresh state for one page (or one document scanned on its own); `withSightings` keeps its journals (MatchState.sightings). */
export function createMatchState(withSightings = false): MatchState {
  const state: MatchState = { seen: new Map(), elsewhere: new Set(), clock: 0 };
  if (withSightings) {
    state.sightings = [];
    state.elsewhereSightings = [];
    state.depends = [];
    state.dependsOnOrder = [];
  }
  return state;
}

export function markSeen(state: MatchState, entityId: string): void {
  state.seen.set(entityId, ++state.clock);
  state.sightings?.push(entityId);
}
