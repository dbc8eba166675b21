/** Placing our fixed elements (the card, the ring round its name) at viewport coordinates on any page. */

/**
 * Puts one of our fixed elements at viewport coordinates. A page whose root element is
 * transformed (or has `will-change: transform`, or `contain: paint`) makes it the
 * containing block of fixed elements, so ours would land offset by as far as the
 * page is scrolled: where it landed is measured, and the offset taken back.
 */
export function placeAt(element: HTMLElement, x: number, y: number): void {
  element.style.left = `${x}px`;
  element.style.top = `${y}px`;
  const box = element.getBoundingClientRect();
  const dx = box.left - x;
  const dy = box.top - y;
  if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return;
  element.style.left = `${x - dx}px`;
  element.style.top = `${y - dy}px`;
}

/**
 * A page that zooms its body (`zoom: 1.5`) zooms our host with it: the card
 * would grow, and land at 1.5 times the coordinates it is placed at. Our element
 * takes the inverse zoom (on itself: the host's reset rule wins over any style
 * given to the host), so it keeps its size and the viewport's coordinates.
 */
export function undoPageZoom(element: HTMLElement): void {
  const outer = (element.parentElement as { currentCSSZoom?: number } | null)?.currentCSSZoom ?? 1;
  const inverse = outer > 0 && Math.abs(outer - 1) > 1e-3 ? String(1 / outer) : '';
  if (element.style.zoom !== inverse) element.style.zoom = inverse;
}
