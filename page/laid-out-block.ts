/** Ancestors looked at for one changed node: bounds the style lookups on a deeply nested page. */
const MAX_ANCESTORS = 16;

/**
 * The closest element around `node`, inside `outer`, that the browser lays out
 * as a block of its own. The walk tells blocks by tag name (text-walk.ts), so a
 * custom element (`<live-clock>`) laid out as a block has none of its own, and
 * a change in it would have the whole page read again. Asked only for such a
 * change, this costs one style lookup per ancestor, not one per element read.
 */
export function laidOutBlock(node: Node, outer: Element): Element | null {
  const view = outer.ownerDocument.defaultView;
  if (!view) return null;
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let looked = 0; el && el !== outer && looked < MAX_ANCESTORS; el = el.parentElement, looked++) {
    if (startsBlock(view.getComputedStyle(el).display)) return el;
  }
  return null;
}

/** Whether a `display` value puts its box on lines of its own: not inline-level, not boxless. */
function startsBlock(display: string): boolean {
  return !(display.startsWith('inline') || display.startsWith('ruby') || display === 'contents' || display === 'none' || display === '');
}
