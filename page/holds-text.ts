import { isSkippedTag } from './text-walk';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
/** Nodes of a subtree looked at for text before it is taken to hold some. */
const MAX_NODES_LOOKED_AT = 100;

/**
 * Whether a node added to the page or taken out of it may change the text
 * Backstory reads: it holds text outside the elements never read (a script, a
 * style, an image), or it is a custom element, which may bring a shadow root.
 * Stops at the first such text: a subtree that holds text almost always holds
 * it early. Runs in the page's own task (the screen's observer), so a large
 * textless subtree is taken to hold text after a few nodes.
 */
export function holdsText(node: Node): boolean {
  if (node.nodeType === TEXT_NODE) return (node as Text).length > 0;
  if (node.nodeType !== ELEMENT_NODE) return false;
  return (node as Element).localName.includes('-') || holdsTextInside(node as Element);
}

/**
 * Whether text, or a custom element, lies inside `el` (none does in a script
 * or a style), its own name aside: an empty custom element with no shadow
 * root, with no text beside it either, brings none (a toast's host).
 */
export function holdsTextInside(el: Element): boolean {
  if (isSkippedTag(el.localName) || !el.firstChild) return false;
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_ELEMENT | SHOW_TEXT);
  let budget = MAX_NODES_LOOKED_AT;
  for (let inner = walker.nextNode(); inner; inner = walker.nextNode()) {
    if (--budget < 0) return true;
    if (inner.nodeType === TEXT_NODE) {
      if ((inner as Text).length > 0 && !isSkippedTag(inner.parentElement?.localName ?? '')) return true;
    } else if ((inner as Element).localName.includes('-')) return true;
  }
  return false;
}
