import type { PageMention } from './find-mentions';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without relying on the Node global.

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
   * Replaces the mentions inside any of `roots` with `found` (in document order):
   * one pass over the list, however many blocks changed at once.
   */
  replaceWithin(roots: readonly Node[], found: readonly PageMention[]): void {
    const dirty = new Set(roots);
    const inDirty = (node: Node) => {
      for (let n: Node | null = node; n; n = n.parentNode) if (dirty.has(n)) return true;
      return false;
    };
    this.list = mergeInDocumentOrder(
      this.list.filter((m) => !inDirty(m.startNode)),
      found,
    );
  }

  /** Mentions per entity id. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.list) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    return counts;
  }
}

/** Whether `a` starts before `b` in the document. */
export function startsBefore(a: PageMention, b: PageMention): boolean {
  if (a.startNode === b.startNode) return a.startOffset < b.startOffset;
  return (a.startNode.compareDocumentPosition(b.startNode) & FOLLOWING) !== 0;
}

function mergeInDocumentOrder(a: readonly PageMention[], b: readonly PageMention[]): PageMention[] {
  if (b.length === 0) return a.slice();
  const out: PageMention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(startsBefore(b[j]!, a[i]!) ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
