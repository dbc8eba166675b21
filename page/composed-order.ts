/**
 * Positions of nodes in the order the page's text is read (text-walk.ts): an
 * open shadow root's content where its host stands, after the host and before
 * the host's own children. compareDocumentPosition cannot tell it: nodes of
 * different trees come back "disconnected", in an order of the engine's
 * choosing, and binary searches over mentions in document order would go astray.
 */

// Node.DOCUMENT_POSITION_*, without relying on the Node global.
const PRECEDING = 2;
const FOLLOWING = 4;
const CONTAINS = 8;
const CONTAINED_BY = 16;
const DOCUMENT_FRAGMENT_NODE = 11;

/** The shadow root `node` is in, or null for a node of the document (or of a detached tree). */
export function shadowRootOf(node: Node): ShadowRoot | null {
  const root = node.getRootNode();
  return isShadowRoot(root) ? root : null;
}

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === DOCUMENT_FRAGMENT_NODE && !!(node as ShadowRoot).host;
}

/** The parent across a shadow boundary: a shadow root's parent is its host. */
export function composedParent(node: Node): Node | null {
  return isShadowRoot(node) ? node.host : node.parentNode;
}

/** `node`, then the host of each shadow root around it, innermost first. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = shadowRootOf(node); root; root = shadowRootOf(root.host)) chain.push(root.host);
  return chain;
}

/**
 * Where `other` stands relative to `reference`, in the bits of
 * compareDocumentPosition: PRECEDING or FOLLOWING, with CONTAINED_BY when
 * `other` is inside `reference` (through shadow roots too) and CONTAINS when
 * `reference` is inside `other`.
 */
export function composedPosition(reference: Node, other: Node): number {
  if (reference === other || reference.getRootNode() === other.getRootNode()) return treePosition(reference, other);
  const outerA = hostChain(reference);
  const outerB = hostChain(other);
  // The first pair in one tree: the hosts (or the nodes themselves) both sides hang from.
  for (let i = 0; i < outerA.length; i++) {
    const tree = outerA[i]!.getRootNode();
    const j = outerB.findIndex((node) => node.getRootNode() === tree);
    if (j >= 0) return positionInTree(outerA[i]!, i > 0, outerB[j]!, j > 0);
  }
  return reference.compareDocumentPosition(other);
}

/**
 * `a` and `b` in one tree, standing for the nodes compared; `aBelow` says the
 * node compared is inside a's shadow root rather than `a` itself.
 */
function positionInTree(a: Node, aBelow: boolean, b: Node, bBelow: boolean): number {
  // One host: the node that is the host contains the one inside its shadow root.
  if (a === b) return aBelow ? CONTAINS | PRECEDING : CONTAINED_BY | FOLLOWING;
  const position = treePosition(a, b);
  // A shadow root's content comes before its host's children.
  if (position & CONTAINED_BY) return aBelow ? FOLLOWING : CONTAINED_BY | FOLLOWING;
  if (position & CONTAINS) return bBelow ? PRECEDING : CONTAINS | PRECEDING;
  return position & (PRECEDING | FOLLOWING);
}

/** Comparisons of two children of one parent left to the browser before its children are numbered (SiblingNumbers). */
const COMPARISONS_BEFORE_NUMBERING = 4;

/**
 * Of a numbered parent's children, every this many has its number kept; the others count their steps back to one.
 * A number kept for each of a feed's 100,000 children took 13-17 ms of one task here, the walk alone 2-4.
 */
const NUMBER_EVERY = 16;

/** Siblings counted one by one to find a child's place (sortInReadingOrder) before its parent's children are numbered. */
const COUNTED_SIBLINGS = 32;

/** Nodes sorted by comparisons below this many; by a key each from this many on (sortInReadingOrder). */
const KEYED_SORT_MIN = 16;

/**
 * The place of each child of the parents whose children were compared most,
 * numbered once. Chromium's compareDocumentPosition walks a parent's children
 * to order two of them: on a page of 100,000 lines in one element, a comparison
 * cost up to 0.7 ms, and a rescan's searches for 2,000 edited lines seconds.
 * What the page changes among a numbered parent's children (a move above all)
 * drops its numbers: a parent is watched while it is numbered.
 */
class SiblingNumbers {
  private readonly numbers = new Map<Node, Map<Node, number>>();
  private readonly asked = new Map<Node, number>();
  private readonly watch = new MutationObserver((records) => this.changed(records));

  /** FOLLOWING when `b` comes after `a`, else PRECEDING (two children of `parent`); undefined: the browser is asked. */
  position(parent: Node, a: Node, b: Node): number | undefined {
    let numbers = this.numbers.get(parent);
    if (!numbers) {
      const asked = (this.asked.get(parent) ?? 0) + 1;
      this.asked.set(parent, asked);
      if (asked <= COMPARISONS_BEFORE_NUMBERING) return undefined;
      numbers = this.number(parent);
    }
    const at = numberOf(numbers, a);
    const bt = numberOf(numbers, b);
    if (at === undefined || bt === undefined) return undefined;
    return at < bt ? FOLLOWING : PRECEDING;
  }

  /** The place of `child` among `parent`'s children: counted when few stand before it, else from the parent's numbers. */
  indexOf(parent: Node, child: Node): number | undefined {
    const numbers = this.numbers.get(parent);
    if (numbers) return numberOf(numbers, child);
    let n = 0;
    for (let at = child.previousSibling; at; at = at.previousSibling) if (++n > COUNTED_SIBLINGS) return numberOf(this.number(parent), child);
    return n;
  }

  /** The page may have run: what it changed since is known now, not only once its task is over. */
  pageRan(): void {
    this.changed(this.watch.takeRecords());
  }

  close(): void {
    this.watch.disconnect();
    this.numbers.clear();
  }

  private number(parent: Node): Map<Node, number> {
    const numbers = new Map<Node, number>();
    let n = 0;
    for (let child = parent.firstChild; child; child = child.nextSibling, n++) if (n % NUMBER_EVERY === 0) numbers.set(child, n);
    this.numbers.set(parent, numbers);
    this.watch.observe(parent, { childList: true });
    return numbers;
  }

  private changed(records: readonly MutationRecord[]): void {
    for (const record of records) {
      this.numbers.delete(record.target);
      this.asked.delete(record.target);
    }
  }
}

/** The number of `child` among its parent's children, counted back from the nearest kept one; undefined when none is near (it came since). */
function numberOf(numbers: ReadonlyMap<Node, number>, child: Node): number | undefined {
  let at: Node | null = child;
  for (let steps = 0; at && steps < NUMBER_EVERY; steps++, at = at.previousSibling) {
    const n = numbers.get(at);
    if (n !== undefined) return n + steps;
  }
  return undefined;
}

let siblingNumbers: SiblingNumbers | undefined;

/**
 * Opens a stretch of our work in which siblings are numbered as they are
 * compared (SiblingNumbers); returns how to close it. After each yield to the
 * page, `pageRan` must be called.
 */
export function orderedStretch(): { pageRan(): void; close(): void } {
  const outer = siblingNumbers;
  if (outer) return { pageRan: () => outer.pageRan(), close: () => {} };
  const numbers = (siblingNumbers = new SiblingNumbers());
  return {
    pageRan: () => numbers.pageRan(),
    close: () => {
      numbers.close();
      if (siblingNumbers === numbers) siblingNumbers = undefined;
    },
  };
}

/** compareDocumentPosition of two nodes of one tree, with the siblings it would walk numbered in an ordered stretch. */
function treePosition(a: Node, b: Node): number {
  const numbers = siblingNumbers;
  if (!numbers || a === b) return a.compareDocumentPosition(b);
  const upA: Node[] = [];
  for (let at: Node | null = a; at; at = at.parentNode) upA.push(at);
  const upB: Node[] = [];
  for (let at: Node | null = b; at; at = at.parentNode) upB.push(at);
  let i = upA.length - 1;
  let j = upB.length - 1;
  if (upA[i] !== upB[j]) return a.compareDocumentPosition(b);
  while (i > 0 && j > 0 && upA[i - 1] === upB[j - 1]) {
    i--;
    j--;
  }
  if (i === 0) return CONTAINED_BY | FOLLOWING;
  if (j === 0) return CONTAINS | PRECEDING;
  return numbers.position(upA[i]!, upA[i - 1]!, upB[j - 1]!) ?? a.compareDocumentPosition(b);
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const TEXT_NODE = 3;

/**
 * The text nodes that are `nodes` or inside one, across open shadow roots (the
 * ones the walk reads). Found by walking down what the page changed, not up
 * from every mention of the page: a feed moving 300 items on a page of
 * 100,000 paragraphs had each of its 100,000 mentions' parents walked.
 */
export function textNodesIn(nodes: readonly Node[]): Set<Text> {
  const texts = new Set<Text>();
  const pending: Node[] = [...nodes];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.nodeType === TEXT_NODE) {
      texts.add(node as Text);
      continue;
    }
    const doc = node.ownerDocument ?? (node as Document);
    const walker = doc.createTreeWalker(node, SHOW_ELEMENT_AND_TEXT);
    for (let at: Node | null = walker.currentNode; at; at = walker.nextNode()) {
      if (at.nodeType === TEXT_NODE) texts.add(at as Text);
      else {
        const shadow = (at as Element).shadowRoot;
        if (shadow) pending.push(shadow);
      }
    }
  }
  return texts;
}

/** Sorts nodes in reading order (composedPosition). */
export function inReadingOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return composedPosition(a, b) & FOLLOWING ? -1 : 1;
}

/**
 * `nodes` of the document sorted as `inReadingOrder` sorts them. Many, in an ordered stretch: by a key each, the
 * places of the node and of its ancestors among their siblings, a shadow root's content before its host's children. A
 * sort of a feed's 300 moved items by comparisons, each walking up from both nodes, took 6-17 ms of one task here.
 */
export function sortInReadingOrder<T extends Node>(nodes: readonly T[]): T[] {
  const numbers = siblingNumbers;
  if (!numbers || nodes.length < KEYED_SORT_MIN) return [...nodes].sort(inReadingOrder);
  const keyed: { node: T; key: number[] }[] = [];
  let top: Node | undefined;
  for (const node of nodes) {
    const read = readingKey(node, numbers);
    // Each key counts from the top of one tree: a node of another (a detached one) is ordered by comparisons.
    if (!read || (top && read.top !== top)) return [...nodes].sort(inReadingOrder);
    top = read.top;
    keyed.push({ node, key: read.key });
  }
  return keyed.sort((a, b) => compareKeys(a.key, b.key)).map(({ node }) => node);
}

/** The places of `node` and its ancestors among their siblings, from the top down, -1 for a shadow root under its host. */
function readingKey(node: Node, numbers: SiblingNumbers): { key: number[]; top: Node } | undefined {
  const key: number[] = [];
  let at = node;
  for (;;) {
    if (isShadowRoot(at)) {
      key.push(-1);
      at = at.host;
      continue;
    }
    const parent = at.parentNode;
    if (!parent) break;
    const index = numbers.indexOf(parent, at);
    if (index === undefined) return undefined;
    key.push(index);
    at = parent;
  }
  return { key: key.reverse(), top: at };
}

/** Keys in reading order: a key that begins another is the node around it, which comes first. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
