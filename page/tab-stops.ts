import { isOwnHost } from './own-hosts';

/** How many elements the search looks at before it gives up: a page of 100,000 elements with no control after the name. */
const MAX_LOOKED_AT = 50_000;

/**
 * The first element after a point of the page (a name's end) that Tab
 * focuses, in document order, or null: what Tab past a card's last control
 * goes on to, as it would from the name itself were the card not there. A name
 * in a shadow root goes on after its host once its own tree has none. Tab
 * order by positive tabindex is not followed (pages that set one are few).
 */
export function tabStopAfter(node: Node): HTMLElement | null {
  let from: Node = node;
  let budget = MAX_LOOKED_AT;
  for (;;) {
    const root = from.getRootNode();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    walker.currentNode = from;
    for (let element = walker.nextNode(); element; element = walker.nextNode()) {
      if (--budget < 0) return null;
      if (isTabStop(element as Element)) return element as HTMLElement;
    }
    if (!(root instanceof ShadowRoot)) return null;
    from = root.host;
  }
}

function isTabStop(element: Element): boolean {
  if (!(element instanceof HTMLElement) || isOwnHost(element)) return false;
  const explicit = element.hasAttribute('tabindex');
  // An editing host is a stop without a tabindex; a link without an address is none, whatever its tabIndex says.
  const focusable = explicit
    ? element.tabIndex >= 0
    : element.isContentEditable
      ? !element.parentElement?.isContentEditable
      : element.tabIndex >= 0 && !(element instanceof HTMLAnchorElement && !element.hasAttribute('href'));
  if (!focusable) return false;
  if (element.matches(':disabled') || element.closest('[inert]')) return false;
  // Not drawn, or inside a part not drawn (display: none, a closed <details>, hidden by visibility): Tab passes over it.
  return element.checkVisibility({ visibilityProperty: true });
}
