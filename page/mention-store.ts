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

  /**
   * Replaces the mentions inside each rescanned block with what was found there.
   * `rescans` come in document order, none inside another. One pass over the
   * list, and a binary search per block to place its mentions: comparing
   * document positions is slow among thousands of siblings, so it is done rarely.
   */
  replaceWithin(rescans: readonly { root: Node; found: readonly PageMention[] }[]): void {
    const dirty = new Set(rescans.map((r) => r.root));
    const inDirty = (node: Node) => {
      for (let n: Node | null = node; n; n = n.parentNode) if (dirty.has(n)) return true;
      return false;
    };
    const kept = this.list.filter((m) => !inDirty(m.startNode));
    const out: PageMention[] = [];
    let from = 0;
    for (const { root, found } of rescans) {
      const at = firstAfter(kept, root, from);
      for (let i = from; i < at; i++) out.push(kept[i]!);
      for (const mention of found) out.push(mention);
      from = at;
    }
    for (let i = from; i < kept.length; i++) out.push(kept[i]!);
    this.list = out;
  }

  /** Mentions per entity id. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.list) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    return counts;
  }
}

/** Index (from `from` on) of the first mention that comes after `root` and all it contains. */
function firstAfter(list: readonly PageMention[], root: Node, from: number): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // PRECEDING: the mention's node comes before root (and, being kept, is not inside it).
    if (root.compareDocumentPosition(list[mid]!.startNode) & PRECEDING) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
