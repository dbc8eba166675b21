import type { MatchState } from '../core/matcher/types';
import { composedPosition } from './composed-order';
import { partNumber } from './page-parts';
import type { PlaceNote } from './match-places';
import type { TextPoint } from './mention-store';
import { BLOCK_CUT, closestBlock, type TextBlock } from './text-walk';

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

  /**
   * Forgets each tail the page changed anything before, in its root
   * (DirtyWork.changed; null: anything), and the tails of roots the page took
   * out: kept, a log the page removed would stay in memory with them.
   */
  forget(changed: readonly Node[] | null): void {
    if (this.tails.size === 0) return;
    if (!changed) return this.tails.clear();
    for (const [root, tail] of this.tails) {
      if (!root.isConnected || changed.some((node) => changesBefore(root, tail.at.node, node))) this.tails.delete(root);
    }
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

/** A tail found by the first scan, for its root; `before` is filled in once the scan has noted the whole page. */
export interface ScannedTail extends Omit<Tail, 'before'> {
  root: Element;
}

/** A long block element the scan is in: what the walk of that element alone would have gathered so far. */
interface ScanRun {
  root: Element;
  read: number;
  notes: PlaceNote[];
  last?: { at: TextPoint; state: MatchState; notes: number };
  copied?: MatchState;
}

/**
 * The tails the first scan of a page leaves, as a rescan of each long block
 * element (a log, a transcript) would record them: without them the first
 * text the page appends to a log of megabytes had the whole log read again
 * (50,000 names found anew, and the young garbage of them collected in our
 * slices), only the next ones read on from the tail.
 *
 * Followed only from an element's first block, and only when that block was
 * cut (BLOCK_CUT: a long element's text always is): the block read before
 * it stands outside the element, so nothing of the element was read before
 * it. An element whose first block is short (a heading above its log) is read
 * whole at its first change, as before.
 */
export class ScanTails {
  private run: ScanRun | undefined;
  /** The last text node of the block read before. */
  private previous: Text | undefined;
  readonly found: ScannedTail[] = [];

  constructor(private readonly top: Element) {}

  /** Told of each block before it is read with `state`. */
  reading(block: TextBlock, state: MatchState): void {
    const first = block.nodes[0]!;
    // Inside the element, shadow trees included: their blocks are read with it too.
    if (this.run && !(composedPosition(this.run.root, first) & CONTAINED_BY)) this.end();
    if (!this.run && block.text.length >= BLOCK_CUT && !block.shadowRoot) this.run = this.startAt(first);
    const run = this.run;
    if (run) {
      // As PageAnnotator.readRoot records its tail: the last block's beginning, once past TAIL_MIN_TEXT.
      if (run.read >= TAIL_MIN_TEXT && run.root.contains(first)) {
        if (!run.copied || !sameState(run.copied, state)) run.copied = copyState(state);
        run.last = { at: { node: first, offset: -block.starts[0]! }, state: run.copied, notes: run.notes.length };
      }
      run.read += block.text.length;
    }
    this.previous = block.nodes[block.nodes.length - 1];
  }

  /** Told of each block's note, after `reading`. */
  noted(note: PlaceNote): void {
    this.run?.notes.push(note);
  }

  /** The scan has read the last block. */
  end(): void {
    const run = this.run;
    this.run = undefined;
    if (run?.last) this.found.push({ root: run.root, at: run.last.at, state: run.last.state, notes: run.notes.slice(0, run.last.notes) });
  }

  private startAt(first: Text): ScanRun | undefined {
    const root = closestBlock(first, this.top);
    // The page's own body is never a rescan's root for text added to it (MutationWatcher.blockOf).
    if (!root || root === this.top || !isElement(root)) return undefined;
    if (this.previous && composedPosition(root, this.previous) & CONTAINED_BY) return undefined;
    return { root, read: 0, notes: [] };
  }
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
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
