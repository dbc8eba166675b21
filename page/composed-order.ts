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
  if (reference === other || reference.getRootNode() === other.getRootNode()) return reference.compareDocumentPosition(other);
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
  const position = a.compareDocumentPosition(b);
  // A shadow root's content comes before its host's children.
  if (position & CONTAINED_BY) return aBelow ? FOLLOWING : CONTAINED_BY | FOLLOWING;
  if (position & CONTAINS) return bBelow ? PRECEDING : CONTAINS | PRECEDING;
  return position & (PRECEDING | FOLLOWING);
}

/** A test of whether a node is one of `nodes` or inside one, across shadow roots. */
export function insideAnyOf(nodes: readonly Node[]): (node: Node) => boolean {
  const inside = new Set(nodes);
  return (node) => {
    for (let at: Node | null = node; at; at = composedParent(at)) if (inside.has(at)) return true;
    return false;
  };
}

/** Sorts nodes in reading order (composedPosition). */
export function inReadingOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return composedPosition(a, b) & FOLLOWING ? -1 : 1;
}
