import { composedPosition } from './composed-order';
import type { PageMention } from './find-mentions';
import type { CaretIndex } from './hit-test';

/**
 * A place on the page: a caret's offset in a text node, the start of an
 * element, or (`end`) the end of an element's content.
 */
export interface ReaderPlace {
  node: Node;
  offset: number;
  end?: boolean;
}

// Node.DOCUMENT_POSITION_*, and Node.TEXT_NODE, without relying on the Node global.
const FOLLOWING = 4;
const CONTAINED_BY = 16;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Where the reader is on the page: the element with keyboard focus (a link
 * they tabbed to), else the caret or the start of what they selected (text they
 * clicked into). Undefined when neither: nothing focused, nothing clicked yet.
 * `ours` tells our own elements (the card's host), which are no place on the page.
 */
export function readerPlace(doc: Document, ours: (element: Element) => boolean): ReaderPlace | undefined {
  const active = focusedIn(doc);
  if (active && active !== doc.body && active !== doc.documentElement && !ours(active)) return { node: active, offset: 0 };
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const node = range.startContainer;
  if (node.nodeType === TEXT_NODE) return insideOurs(node, ours) ? undefined : { node, offset: range.startOffset };
  // A caret between an element's children stands before the child at its offset, or at the end of them all.
  const child = node.childNodes[range.startOffset];
  const place = child ? { node: child, offset: 0 } : { node, offset: 0, end: true };
  return insideOurs(place.node, ours) ? undefined : place;
}

/**
 * The element with the keyboard focus in `doc`, inside open shadow roots too: the document tells only their host (a
 * web component's), which gets no focus of its own given it back. Our card's root is closed: its host is where this stops.
 */
export function focusedIn(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Gives the focus back to `element`, where the reader had it; whether it has it now: the page may have made it
 * unfocusable since (disabled, hidden), and the focus, left where it was, would go to the page's `<body>`.
 */
export function refocus(element: HTMLElement): boolean {
  element.focus({ preventScroll: true });
  return focusedIn(element.ownerDocument) === element;
}

export function samePlace(a: ReaderPlace | undefined, b: ReaderPlace | undefined): boolean {
  return a === b || (!!a && !!b && a.node === b.node && a.offset === b.offset && !a.end === !b.end);
}

/**
 * The index in `shown` (reading order) of the first mention at or after
 * `place`: the one the caret is in, or the first that begins after it; `shown.length` when none does.
 */
export function firstFrom(shown: readonly PageMention[], place: ReaderPlace, index: CaretIndex): number {
  const covering = place.node.nodeType === TEXT_NODE ? index.at(place.node, place.offset) : undefined;
  const at = covering ? shown.indexOf(covering) : -1;
  if (at >= 0) return at;
  let lo = 0;
  let hi = shown.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (beginsFrom(shown[mid]!, place)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function beginsFrom(mention: PageMention, place: ReaderPlace): boolean {
  if (mention.startNode === place.node) return !place.end && mention.startOffset >= place.offset;
  const position = composedPosition(place.node, mention.startNode);
  if (position & CONTAINED_BY) return !place.end;
  return (position & FOLLOWING) !== 0;
}

function insideOurs(node: Node, ours: (element: Element) => boolean): boolean {
  for (let element = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; element; element = element.parentElement) {
    if (ours(element)) return true;
  }
  return false;
}
