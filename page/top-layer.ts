/**
 * What the browser draws above the page, in its top layer, and that can hold
 * a name: an open modal dialog or a fullscreen element (`:modal`: the rest of
 * the page is inert, or not drawn at all), or an open popover.
 */
const TOP_LAYER = ':modal, :popover-open';

/**
 * The innermost top-layer element around `node`, across shadow roots; null
 * when there is none, or the browser knows no such selector.
 */
export function topLayerAround(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  try {
    while (el) {
      const found = el.closest(TOP_LAYER);
      if (found) return found;
      const root = el.getRootNode();
      el = root instanceof ShadowRoot ? root.host : null;
    }
  } catch {
    // A browser without :modal or :popover-open: it has no top layer for a name to be in either.
  }
  return null;
}
