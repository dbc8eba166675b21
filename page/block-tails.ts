import type { MatchState } from '../core/matcher/types';
import { composedPosition } from './composed-order';
import { partNumber } from './page-parts';
import type { PlaceNote } from './match-places';
import type { TextPoint } from './mention-store';

// Node.DOCUMENT_POSITION_*, without relying on the Node global.
const FOLLOWING = 4;
const CONTAINS = 8;
const CONTAINED_BY = 16;

/** Blocks read again whole below this much text: only a long one (a log, a chat transcript in one element) is worth a tail. */
export const TAIL_MIN_TEXT = 64 * 1024;
/** Tails kept at once: the few long blocks a page keeps adding to. */
const MAX_TAILS = 4;

/**
 * Where the last block of a long rescanned root began (a cut of text-walk's
 * BLOCK_CUT, or a block element), and what reading the root had gathered
 * there. Text the page adds after it is read from there on: the blocks before
 * it, which the page did not change, would be read to the very same mentions
 * from the very same state.
 */
export interface Tail {
  at: TextPoint;
  /** The matcher's state before the root (stateKey): what the page above it showed. */
  before: string;
  /** The matcher's state where the block began. */
  state: MatchState;
  /** What the blocks before it showed of names, for MatchPlaces. */
  notes: readonly PlaceNote[];
}

/** The tails of the long roots rescanned last, kept only while the page changes nothing before them. */
export class BlockTails {
  private readonly tails = new Map<Node, Tail>();

  clear(): void {
    this.tails.clear();
  }

  /** Forgets each tail the page changed anything before, in its root (DirtyWork.changed; null: anything). */
  forget(changed: readonly Node[] | null): void {
    if (this.tails.size === 0) return;
    if (!changed) return this.tails.clear();
    for (const [root, tail] of this.tails) if (changed.some((node) => changesBefore(root, tail.at.node, node))) this.tails.delete(root);
  }

  /** The tail of `root` to read on from, if what stands above the root is still as it was (`before`). Taken: the read records the next one. */
  take(root: Node, before: string): Tail | undefined {
    const tail = this.tails.get(root);
    this.tails.delete(root);
    return tail?.before === before ? tail : undefined;
  }

  drop(root: Node): void {
    this.tails.delete(root);
  }

  set(root: Node, tail: Tail): void {
    this.tails.delete(root);
    this.tails.set(root, tail);
    if (this.tails.size > MAX_TAILS) this.tails.delete(this.tails.keys().next().value!);
  }
}

/**
 * Whether a change at `node` can change what the walk of `root` reads before
 * `at`: it is in the root, or is the root or around it, and does not come after
 * `at` (an element around `at` comes before it). A node the page took out since
 * has no place: where it stood, the record of its taking out tells (its parent).
 */
export function changesBefore(root: Node, at: Text, node: Node): boolean {
  if (!node.isConnected) return false;
  if (node !== root && (composedPosition(root, node) & (CONTAINED_BY | CONTAINS)) === 0) return false;
  const position = composedPosition(at, node);
  return (position & FOLLOWING) === 0 || (position & CONTAINS) !== 0;
}

/** The matcher's state as a string: two states with the same one scan any text alike (MatchPlaces.before numbers the clock from 1). */
export function stateKey(state: MatchState): string {
  const seen = [...state.seen].sort((a, b) => a[1] - b[1]).map(([entityId, clock]) => `${entityId}@${clock}`);
  const inParts = [...state.elsewhereIn].map(([part, entities]) => [...entities].map((entityId) => `${entityId}@${partNumber(part)}`)).flat();
  return `${seen.join(' ')}|${[...state.elsewhere].sort().join(' ')}|${inParts.sort().join(' ')}|${state.clock}`;
}

/** Whether `copy`, a copy of `state` (copyState), still holds what it does: a scan only ever adds to a state. */
export function sameState(copy: MatchState, state: MatchState): boolean {
  return copy.clock === state.clock && copy.elsewhere.size === state.elsewhere.size && elsewhereInParts(copy) === elsewhereInParts(state);
}

function elsewhereInParts(state: MatchState): number {
  let n = 0;
  for (const entities of state.elsewhereIn.values()) n += entities.size;
  return n;
}

/** A copy of `state` that the copy's scans leave `state` as it is. */
export function copyState(state: MatchState): MatchState {
  return {
    seen: new Map(state.seen),
    elsewhere: new Set(state.elsewhere),
    elsewhereIn: new Map([...state.elsewhereIn].map(([part, entities]) => [part, new Set(entities)])),
    clock: state.clock,
    sightings: [],
    elsewhereSightings: [],
    depends: [],
    dependsOnOrder: [],
  };
}
