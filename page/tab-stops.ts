import { anyShadowRoot } from './any-shadow-root';
import { isOwnHost } from './own-hosts';

/** How many elements the search looks at before it gives up: a page of 100,000 elements with no control after the name. */
const MAX_LOOKED_AT = 50_000;
/** How many shadow trees and slots deep the search goes: a page nesting them without end must not exhaust the stack. */
const MAX_DEPTH = 32;

interface Budget {
  left: number;
}

/**
 * The first element after a point of the page (a name's end) that Tab
 * focuses, in document order, or null: what Tab past a card's last control
 * goes on to, as it would from the name itself were the card not there. A
 * component's shadow tree is searched where its host stands, its slots giving
 * the light children their place, as Tab goes through them; a name in a
 * shadow root goes on after its host once its own tree has none. Tab order by
 * positive tabindex is not followed (pages that set one are few).
 */
export function tabStopAfter(node: Node): HTMLElement | null {
  const budget: Budget = { left: MAX_LOOKED_AT };
  let from: Node = node;
  // The name's own node: what follows it, its own children first; a host already left: what follows all it holds.
  let pastFrom = false;
  for (;;) {
    const root = from.getRootNode();
    const found = firstStop(root, from, pastFrom, budget, 0);
    if (found || budget.left < 0 || !(root instanceof ShadowRoot)) return found;
    from = root.host;
    pastFrom = true;
  }
}

/** The first tab stop after `from` in `root`'s tree, or null. */
function firstStop(root: Node, from: Node, pastFrom: boolean, budget: Budget, depth: number): HTMLElement | null {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = from;
  let element = (pastFrom ? afterSubtree(walker) : walker.nextNode()) as Element | null;
  while (element) {
    if (--budget.left < 0) return null;
    if (isOwnHost(element)) {
      element = afterSubtree(walker) as Element | null;
      continue;
    }
    if (isTabStop(element)) return element as HTMLElement;
    const within = stopWithin(element, budget, depth);
    if (within === undefined) {
      element = walker.nextNode() as Element | null;
      continue;
    }
    if (within || budget.left < 0) return within;
    // Its light children had their turn at the slots they are assigned to, or are not drawn.
    element = afterSubtree(walker) as Element | null;
  }
  return null;
}

/**
 * The first tab stop in what `element` draws in place of its children (a
 * host's shadow tree, a slot's assigned elements), null if none, or undefined
 * when its own children are what it draws.
 */
function stopWithin(element: Element, budget: Budget, depth: number): HTMLElement | null | undefined {
  if (depth >= MAX_DEPTH) return undefined;
  const shadow = anyShadowRoot(element);
  if (shadow) return firstStop(shadow, shadow, false, budget, depth + 1);
  if (!(element instanceof HTMLSlotElement)) return undefined;
  const assigned = element.assignedElements();
  // Nothing assigned: the slot shows its own children.
  if (assigned.length === 0) return undefined;
  for (const child of assigned) {
    if (--budget.left < 0) return null;
    if (isOwnHost(child)) continue;
    if (isTabStop(child)) return child as HTMLElement;
    const within = stopWithin(child, budget, depth + 1);
    const found = within === undefined ? firstStop(child, child, false, budget, depth + 1) : within;
    if (found || budget.left < 0) return found;
  }
  return null;
}

/** Moves the walker past the subtree it stands on, to what follows it. */
function afterSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next;
    if (!walker.parentNode()) return null;
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
