import type { PageMention } from './find-mentions';

/**
 * Looks mentions up by the text node and offset a caret position gives:
 * a map from node to the mentions touching it, binary-searched by offset.
 */
export class MentionIndex {
  private readonly byNode = new Map<Text, PageMention[]>();
  private readonly list: PageMention[] = [];

  constructor(mentions: readonly PageMention[] = []) {
    this.add(mentions);
  }

  /** Adds mentions that come after every mention already indexed, in document order. */
  add(mentions: readonly PageMention[]): void {
    for (const mention of mentions) {
      this.list.push(mention);
      for (const node of nodesOf(mention)) {
        let list = this.byNode.get(node);
        if (!list) this.byNode.set(node, (list = []));
        list.push(mention);
      }
    }
  }

  /** Every mention indexed, in document order. */
  get mentions(): readonly PageMention[] {
    return this.list;
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

/** The text nodes a mention spans, in order: usually one, more when a name is split by tags. */
export function nodesOf(mention: PageMention): Text[] {
  if (mention.startNode === mention.endNode) return [mention.startNode];
  const nodes: Text[] = [mention.startNode];
  const root = mention.startNode.getRootNode();
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = mention.startNode;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    if (node === mention.endNode) break;
  }
  return nodes;
}
