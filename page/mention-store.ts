import { composedPosition, textNodesIn } from './composed-order';
import type { PageMention } from './find-mentions';
import type { EndedName } from './match-places';
import { firstPassing } from './first-passing';

// Node.DOCUMENT_POSITION_*, without relying on the Node global.
const PRECEDING = 2;
const FOLLOWING = 4;
const CONTAINED_BY = 16;

/** A place in the text: `offset` into a text node's data. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** What one rescanned block changed: the run of mentions it held, and what it holds now (kept ones among them). */
export interface StoreRun {
  root: Node;
  /** Only the block's mentions from here on were read again (its end, after a block the page did not change). */
  from?: TextPoint;
  removed: readonly PageMention[];
  added: readonly PageMention[];
}

/** A rescanned block: what was found in it, from `from` on if given (StoreRun.from). */
export interface Rescan {
  root: Node;
  from?: TextPoint;
  found: readonly PageMention[];
}

/** What a rescan changed in the store: mentions dropped because the page took their text out, then each block's run. */
export interface StoreEdit {
  dropped: readonly PageMention[];
  runs: readonly StoreRun[];
}

/**
 * Every mention on the page in reading order (composed-order.ts), kept current as parts of the
 * page are rescanned: a rescanned block's mentions replace the old ones in place.
 */
export class MentionStore {
  private list: PageMention[] = [];
  /** Mentions per entity id, kept as the list changes: a change to one paragraph costs no count of the page. */
  private tally = new Map<string, number>();
  /** The text nodes mentions started or ended in since the last clear (weak: the page may drop them). */
  private nodes = new WeakSet<Text>();

  get all(): readonly PageMention[] {
    return this.list;
  }

  clear(): void {
    this.list = [];
    this.tally = new Map();
    this.nodes = new WeakSet();
  }

  /**
   * Whether a mention the store held since its last clear started or ended in
   * `node`. It may say yes for a mention a rescan has dropped since, never no
   * for one the store holds: text the page takes out that says no held none.
   */
  touches(node: Text): boolean {
    return this.nodes.has(node);
  }

  /** Mentions found by the first, in-order scan: they always come last. */
  append(mentions: readonly PageMention[]): void {
    for (const mention of mentions) {
      this.list.push(mention);
      this.added(mention);
    }
  }

  /**
   * Swaps in what a whole new scan found, keeping the object of each mention
   * found again at the same place: what refers to it (the open card, the
   * mention last revealed) still does.
   */
  replaceAll(found: readonly PageMention[]): void {
    const before = byStartNode(this.list, 0, this.list.length);
    this.tally = new Map();
    this.list = found.map((mention) => {
      this.added(mention);
      return sameAs(before, mention) ?? mention;
    });
  }

  /** Drops mentions whose text left the document (removed by the page); returns them. */
  dropDisconnected(): PageMention[] {
    const dropped: PageMention[] = [];
    this.list = this.list.filter((m) => {
      if (m.startNode.isConnected && m.endNode.isConnected) return true;
      this.count(m.entityId, -1);
      dropped.push(m);
      return false;
    });
    return dropped;
  }

  /** Drops the mentions inside `nodes` (or in them, for text nodes), across shadow roots; returns them. */
  dropInside(nodes: readonly Node[]): PageMention[] {
    if (nodes.length === 0) return [];
    const within = textNodesIn(nodes);
    const dropped: PageMention[] = [];
    this.list = this.list.filter((m) => {
      if (!within.has(m.startNode) && (m.endNode === m.startNode || !within.has(m.endNode))) return true;
      this.count(m.entityId, -1);
      dropped.push(m);
      return false;
    });
    return dropped;
  }

  /**
   * Drops the mentions of `ended` entities after `root` in reading order (the page named other places by them in it),
   * in the article given with one (MatchPlaces.replace); returns them.
   */
  dropAfter(root: Node, ended: readonly EndedName[]): PageMention[] {
    if (ended.length === 0) return [];
    const isEnded = (mention: PageMention) => ended.some(({ entityId, part }) => entityId === mention.entityId && (!part || part.contains(mention.startNode)));
    const dropped: PageMention[] = [];
    let run = runWithin(this.list, 0, root);
    if (!run) {
      for (const mention of this.dropDisconnected()) dropped.push(mention);
      run = runWithin(this.list, 0, root);
    }
    const end = run?.[1] ?? this.list.length;
    const kept = this.list.slice(0, end);
    for (let i = end; i < this.list.length; i++) {
      const mention = this.list[i]!;
      if (!isEnded(mention)) kept.push(mention);
      else {
        this.count(mention.entityId, -1);
        dropped.push(mention);
      }
    }
    this.list = kept;
    return dropped;
  }

  /**
   * Replaces the mentions inside each rescanned block with what was found there.
   * `rescans` come in document order, none inside another, so each block's old
   * mentions are one run of the list, found by two binary searches: a thousand
   * new paragraphs cost a few comparisons each, not a walk up from every
   * mention on the page. A mention the page removed meanwhile has no place
   * in document order: met on the way, those are dropped first.
   */
  replaceWithin(rescans: readonly Rescan[]): StoreEdit {
    const runs = this.tryReplaceWithin(rescans);
    if (runs) return { dropped: [], runs };
    const dropped = this.dropDisconnected();
    return { dropped, runs: this.tryReplaceWithin(rescans) ?? [] };
  }

  private tryReplaceWithin(rescans: readonly Rescan[]): StoreRun[] | undefined {
    const list = this.list;
    // Slices of the list, joined once at the end: copying 20,000 mentions natively costs less than pushing them one by one.
    const pieces: PageMention[][] = [];
    const runs: StoreRun[] = [];
    /** Per rescan: the stretch of the list it took out, bar those found again in order at its start; how many those were. */
    const gone: [start: number, end: number, same: number][] = [];
    let from = 0;
    for (const { root, from: at, found } of rescans) {
      const run = runWithin(list, from, root, at);
      if (!run) return undefined;
      const [start, end] = run;
      pieces.push(list.slice(from, start));
      // Found again in order, as a block the page added to mostly is: kept one after the other, with no map of the old ones
      // (a block of 50,000 names split by tags spent 30 ms of one task on it).
      let same = 0;
      while (same < found.length && start + same < end && isSame(list[start + same]!, found[same]!)) same++;
      const added = list.slice(start, start + same);
      if (same < found.length) {
        const before = byStartNode(list, start + same, end);
        for (let i = same; i < found.length; i++) added.push(sameAs(before, found[i]!) ?? found[i]!);
      }
      pieces.push(added);
      runs.push(at ? { root, from: at, removed: list.slice(start, end), added } : { root, removed: list.slice(start, end), added });
      gone.push([start + same, end, same]);
      from = end;
    }
    pieces.push(list.slice(from));
    // Counted once the whole merge is known to hold: a failed one is tried again after the disconnected are dropped. Those
    // kept in order were counted and noted when they came.
    for (const [start, end] of gone) for (let i = start; i < end; i++) this.count(list[i]!.entityId, -1);
    gone.forEach(([, , same], r) => {
      const { added } = runs[r]!;
      for (let i = same; i < added.length; i++) this.added(added[i]!);
    });
    this.list = ([] as PageMention[]).concat(...pieces);
    return runs;
  }

  /** Mentions per entity id. */
  counts(): Map<string, number> {
    return new Map(this.tally);
  }

  private added(mention: PageMention): void {
    this.count(mention.entityId, 1);
    this.nodes.add(mention.startNode);
    this.nodes.add(mention.endNode);
  }

  private count(entityId: string, by: number): void {
    const next = (this.tally.get(entityId) ?? 0) + by;
    if (next > 0) this.tally.set(entityId, next);
    else this.tally.delete(entityId);
  }
}

/** Whether `found` is `old` found again: the same name at the same place (sameAs). */
function isSame(old: PageMention, found: PageMention): boolean {
  return (
    old.startNode === found.startNode &&
    old.startOffset === found.startOffset &&
    old.endNode === found.endNode &&
    old.endOffset === found.endOffset &&
    old.entityId === found.entityId &&
    old.alias === found.alias &&
    old.text === found.text
  );
}

/** The mentions list[start, end) by the text node they start in. */
function byStartNode(list: readonly PageMention[], start: number, end: number): Map<Text, PageMention[]> {
  const map = new Map<Text, PageMention[]>();
  for (let i = start; i < end; i++) {
    const mention = list[i]!;
    const at = map.get(mention.startNode);
    if (at) at.push(mention);
    else map.set(mention.startNode, [mention]);
  }
  return map;
}

/**
 * The mention found before that a rescan found again, the same name at the
 * same place: kept, so what refers to it (the open card, the mention last
 * revealed) still does after a change elsewhere in its block (a "5 min ago"
 * ticking in the same paragraph). A node's mentions stand in the order of
 * their offsets, so the one at the same offset is found by halving: a log or
 * a .txt file of one text node holds tens of thousands of them, and looking
 * through them all for each made a rescan of it quadratic.
 */
function sameAs(before: ReadonlyMap<Text, readonly PageMention[]>, mention: PageMention): PageMention | undefined {
  const inNode = before.get(mention.startNode);
  if (!inNode) return undefined;
  let lo = 0;
  let hi = inNode.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (inNode[mid]!.startOffset < mention.startOffset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < inNode.length && inNode[i]!.startOffset === mention.startOffset; i++) if (isSame(inNode[i]!, mention)) return inNode[i];
  return undefined;
}

/**
 * [start, end) of the run of `list` (from `from` on) inside `root`: from the
 * first mention not before it to the first after it; with `at`, from the first
 * of those that starts there or later. Undefined when the search met a mention
 * the page removed, which has no place in document order.
 */
export function runWithin<T extends { startNode: Node; startOffset?: number }>(
  list: readonly T[],
  from: number,
  root: Node,
  at?: TextPoint,
): [number, number] | undefined {
  let ordered = true;
  const position = (node: Node) => {
    if (!node.isConnected) ordered = false;
    return composedPosition(root, node);
  };
  let start = firstPassing(list, from, list.length, (item) => (position(item.startNode) & PRECEDING) === 0);
  const end = firstPassing(list, start, list.length, (item) => (position(item.startNode) & (FOLLOWING | CONTAINED_BY)) === FOLLOWING);
  if (at) {
    start = firstPassing(list, start, end, (item) =>
      item.startNode === at.node ? (item.startOffset ?? 0) >= at.offset : (composedPosition(at.node, item.startNode) & FOLLOWING) !== 0,
    );
  }
  return ordered ? [start, end] : undefined;
}

