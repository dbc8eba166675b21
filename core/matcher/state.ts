import type { MatchState } from './types';

/** A fresh state for one page (or one document scanned on its own); `withSightings` keeps its journals (MatchState.sightings). */
export function createMatchState(withSightings = false): MatchState {
  const state: MatchState = { seen: new Map(), elsewhere: new Set(), elsewhereIn: new Map(), clock: 0 };
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

/** Notes that the text just scanned named another place by `entityId`: for the rest of the part it stands in, or of the page. */
export function markElsewhere(state: MatchState, entityId: string): void {
  const part = state.parts?.()[0];
  if (part === undefined) state.elsewhere.add(entityId);
  else {
    const entities = state.elsewhereIn.get(part);
    if (entities) entities.add(entityId);
    else state.elsewhereIn.set(part, new Set([entityId]));
  }
  state.elsewhereSightings?.push(entityId);
}

/** Whether `entityId` names another place where the text being scanned stands: on the page, or in a part around it. */
export function isElsewhere(state: MatchState, entityId: string): boolean {
  if (state.elsewhere.has(entityId)) return true;
  if (state.elsewhereIn.size === 0 || !state.parts) return false;
  return state.parts().some((part) => state.elsewhereIn.get(part)?.has(entityId) === true);
}

/**
 * Where `seen` keeps when another person of the entity's surname was last
 * named ("Kim Kardashian posted"), in the clock's order with its full names:
 * journaled and replayed as a sighting of its own (page/match-places.ts).
 */
export function namesakeKey(entityId: string): string {
  return `${entityId}\u0001namesake`;
}

/** Whether another person of the entity's surname was named since its full name last was: a bare surname is then theirs. */
export function namesakeSince(state: MatchState, entityId: string): boolean {
  return (state.seen.get(namesakeKey(entityId)) ?? 0) > (state.seen.get(entityId) ?? 0);
}
