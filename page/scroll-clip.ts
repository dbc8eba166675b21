import { drawnParent } from './drawn-parent';

/** A box in viewport coordinates. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a box stands in the scrolling panels around `element` (a live blog's
 * feed, a comment thread with its own scroll bar): 'in' when every one shows
 * it, 'below' when the innermost that hides it has it further down (scrolling
 * it down brings it in, as the page's own fold), else 'elsewhere'. The page's
 * own scrolling (body and root) is the viewport's, and not looked at.
 */
export function placeInScrollers(element: Element, box: ViewBox): 'in' | 'below' | 'elsewhere' {
  for (const scroller of scrollersAround(element)) {
    const view = visiblePart(scroller);
    if (within(box, view)) continue;
    return box.y + box.height > view.bottom && box.y >= view.top - 0.5 ? 'below' : 'elsewhere';
  }
  return 'in';
}

/** Whether a panel around `element` has the box wholly out of its view, as a name scrolled out of the viewport is. */
export function outOfScrollers(element: Element, box: ViewBox): boolean {
  for (const scroller of scrollersAround(element)) {
    const view = visiblePart(scroller);
    if (box.y + box.height <= view.top || box.y >= view.bottom || box.x + box.width <= view.left || box.x >= view.right) return true;
  }
  return false;
}

/**
 * Scrolls each panel around `element` that hides the box `boxOf` gives, the
 * innermost first, as little as shows it there; the page itself is left alone.
 */
export function scrollIntoScrollers(element: Element, boxOf: () => ViewBox): void {
  for (const scroller of scrollersAround(element)) {
    const box = boxOf();
    const view = visiblePart(scroller);
    if (within(box, view)) continue;
    const top = nearest(box.y, box.y + box.height, view.top, view.bottom);
    const left = nearest(box.x, box.x + box.width, view.left, view.right);
    scroller.scrollBy({ top, left, behavior: 'instant' });
  }
}

/**
 * The scroll containers around `element`, innermost first, as drawn: across
 * shadow roots, and through the slot a light child is drawn in (a component's
 * own scrolling panel round its `<slot>`); not the page's body or root.
 */
function* scrollersAround(element: Element): Generator<Element> {
  const doc = element.ownerDocument;
  let el: Element | null = element;
  while (el) {
    const parent = drawnParent(el);
    if (!parent || parent === doc.body || parent === doc.documentElement) return;
    if (scrolls(parent)) yield parent;
    el = parent;
  }
}

function scrolls(element: Element): boolean {
  const style = getComputedStyle(element);
  const y = style.overflowY === 'auto' || style.overflowY === 'scroll';
  const x = style.overflowX === 'auto' || style.overflowX === 'scroll';
  return (y && element.scrollHeight > element.clientHeight) || (x && element.scrollWidth > element.clientWidth);
}

/** The part of a scroll container its content shows through: inside its borders and scroll bars. */
function visiblePart(scroller: Element) {
  const rect = scroller.getBoundingClientRect();
  const top = rect.top + scroller.clientTop;
  const left = rect.left + scroller.clientLeft;
  return { top, left, bottom: top + scroller.clientHeight, right: left + scroller.clientWidth };
}

function within(box: ViewBox, view: ReturnType<typeof visiblePart>): boolean {
  // Half a pixel of slack: boxes of text land on fractions.
  return box.y >= view.top - 0.5 && box.y + box.height <= view.bottom + 0.5 && box.x >= view.left - 0.5 && box.x + box.width <= view.right + 0.5;
}

/** How far to scroll so [start, end] shows in [from, to]: its near edge to the near edge, none if it already shows. */
function nearest(start: number, end: number, from: number, to: number): number {
  if (start < from) return start - from;
  if (end > to) return Math.min(end - to, start - from);
  return 0;
}
