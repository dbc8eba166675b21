/**
 * A control the name may be part of. Not any element with a tabindex: a main
 * element a skip link focuses, or a scrolling region made focusable, holds the
 * whole article, and the next Tab would go on from its start.
 */
const CONTROL = 'a[href], button, input, select, textarea, summary, [contenteditable], [role="button"], [role="link"]';

/**
 * Gives focus back to where the name is, when nothing had it before the card
 * took it: the card's host stands at the end of the document, so the next Tab
 * would leave the page, and the one after jump it to its top. A link or
 * button around the name takes focus; plain text is made focusable for a moment,
 * which is enough for the browser to start the next Tab from there.
 */
export function focusPlace(place: Element): void {
  const control = place.closest(CONTROL);
  if (control instanceof HTMLElement) {
    control.focus({ preventScroll: true });
    return;
  }
  if (!(place instanceof HTMLElement)) return;
  // Focusable already, by the page's own tabindex, which stays as it was.
  if (place.hasAttribute('tabindex')) {
    place.focus({ preventScroll: true });
    return;
  }
  place.tabIndex = -1;
  place.focus({ preventScroll: true });
  place.removeAttribute('tabindex');
}

/** Whether some of `element` is within the window: focus given back there is seen where it lands. */
export function inView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
}
