import type { PageMention } from './find-mentions';

const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING, without relying on the Node global.

/**
 * Every mention on the page in document order, kept current as parts of the
 * page are rescanned: a rescanned block's mentions replace the old ones in place.
 */
export class MentionStore {
  private list: PageMention[] = [];

  get all(): readonly PageMention[] {
    return this.list;
  }

  clear(): void {
    this.list = [];
  }

  /** Mentions found by the first, in-order scan: they always come last. */
  append(mentions: readonly PageMention[]): void {
    for (const mention of mentions) this.list.push(mention);
  }

  /** Drops mentions whose text left the document (removed by the page). */
  dropDisconnected(): boolean {
    const before = this.list.length;
    this.list = this.list.filter((m) => m.startNode.isConnected && m.endNode.isConnected);
    return this.list.length !== before;
  }

  /** Replaces the mentions inside `root` with `found` (already in document order). */
  replaceWithin(root: Node, found: readonly PageMention[]): void {
    const kept = this.list.filter((m) => !root.contains(m.startNode));
    const at = insertionPoint(kept, root);
    this.list = [...kept.slice(0, at), ...found, ...kept.slice(at)];
  }

  /** Mentions per entity id. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.list) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    return counts;
  }
}

/** Index of the first mention that comes after `root` in document order. */
function insertionPoint(list: readonly PageMention[], root: Node): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // PRECEDING: the mention's node comes before root.
    if (root.compareDocumentPosition(list[mid]!.startNode) & PRECEDING) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
