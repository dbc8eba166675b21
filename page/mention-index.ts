import type { PageMention } from './find-mentions';

/**
 * Looks mentions up by the text node and offset a caret position gives:
 * a map from node to the mentions touching it, binary-searched by offset.
 * Kept current by what a rescan changed (`remove`, then `add`), so a change to
 * one paragraph costs what it touched, not an index of the whole page.
 */
export class MentionIndex {
  private readonly byNode = new Map<Text, PageMention[]>();
  /**
   * The nodes of each mention split by tags, to take it out again: a walk
   * from its first node may no longer reach its last once the page changed.
   */
  private readonly spans = new Map<PageMention, Text[]>();

  constructor(mentions: readonly PageMention[] = []) {
    this.add(mentions);
  }

  /** Adds mentions, anywhere on the page; those after every mention indexed (a scan's) cost no search. */
  add(mentions: readonly PageMention[]): void {
    for (const mention of mentions) {
      const nodes = nodesOf(mention);
      if (nodes.length > 1) this.spans.set(mention, nodes);
      for (const node of nodes) {
        let list = this.byNode.get(node);
        if (!list) this.byNode.set(node, (list = []));
        insertInOrder(list, mention, node);
      }
    }
  }

  /** Takes mentions out, wherever they were added. */
  remove(mentions: readonly PageMention[]): void {
    const leaving = new Map<Text, Set<PageMention>>();
    for (const mention of mentions) {
      const nodes = this.spans.get(mention) ?? [mention.startNode];
      this.spans.delete(mention);
      for (const node of nodes) {
        let going = leaving.get(node);
        if (!going) leaving.set(node, (going = new Set()));
        going.add(mention);
      }
    }
    // One pass over each node's list: taken out one by one, the 60,000 mentions of a log in one text node
    // the page rewrote cost a search and a shift of the list each, a tab frozen for seconds.
    for (const [node, going] of leaving) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const kept = list.filter((mention) => !going.has(mention));
      if (kept.length === 0) this.byNode.delete(node);
      else this.byNode.set(node, kept);
    }
  }

  /** The mentions touching `node`, in the order they stand there. */
  inNode(node: Node): readonly PageMention[] | undefined {
    return this.byNode.get(node as Text);
  }

  /** The mention covering `offset` in `node`, if any. */
  at(node: Node, offset: number): PageMention | undefined {
    const list = this.byNode.get(node as Text);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const mention = list[mid]!;
      const start = mention.startNode === node ? mention.startOffset : 0;
      const end = mention.endNode === node ? mention.endOffset : (node as Text).length;
      if (offset < start) hi = mid - 1;
      else if (offset >= end) lo = mid + 1;
      else return mention;
    }
    return undefined;
  }
}

/** Where a mention begins within `node`: one that began in an earlier node comes first. */
function startIn(mention: PageMention, node: Text): number {
  return mention.startNode === node ? mention.startOffset : -1;
}

/** Mentions never overlap, so one node's are ordered by where they begin there. */
function insertInOrder(list: PageMention[], mention: PageMention, node: Text): void {
  const start = startIn(mention, node);
  let lo = 0;
  let hi = list.length;
  if (hi === 0 || startIn(list[hi - 1]!, node) < start) {
    list.push(mention);
    return;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startIn(list[mid]!, node) < start) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, mention);
}

/** The most text nodes a name is split into: a letter in each, with room for empty ones between. */
const SPAN_MAX_NODES = 256;
// Node's constants, by value: the unit tests' DOMs do not all have them on Node.
const DISCONNECTED = 1;
const FOLLOWING = 4;

/** The text nodes a mention spans, in order: usually one, more when a name is split by tags. */
export function nodesOf(mention: PageMention): Text[] {
  const { startNode, endNode } = mention;
  if (startNode === endNode) return [startNode];
  // The page took its last node out, or moved it before its first (a framework rendering the name again), and its
  // rescan is still to come: a walk from its first node would never meet its last, and would file it under every
  // text node to the page's end (a frozen tab, and a stale name answering a hover over the real ones there).
  if ((startNode.compareDocumentPosition(endNode) & (DISCONNECTED | FOLLOWING)) !== FOLLOWING) return [startNode];
  const nodes: Text[] = [startNode];
  const root = startNode.getRootNode();
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = startNode;
  for (let node = walker.nextNode(); node && nodes.length < SPAN_MAX_NODES; node = walker.nextNode()) {
    nodes.push(node as Text);
    if (node === endNode) return nodes;
  }
  // More nodes between its ends than a name can be split into: no walk the page's text should send on, its ends alone.
  return [startNode, endNode];
}
