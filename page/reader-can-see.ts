/**
 * Whether the reader can see `element`, `box` being where it (or a name in it)
 * is drawn: it is laid out, not `visibility: hidden`, and, where it is on
 * screen, not transparent. On screen, a transparent copy of a name is one the
 * page keeps invisible (a menu shown on hover). Off screen it is most often in
 * a paragraph the page fades in as it scrolls into view: scrolled to, it shows,
 * which is why the counts the popup lists do not look at opacity either
 * (seen-counts.ts), and the popup's reveal and the shortcut must reach it.
 */
export function readerCanSee(element: Element, box: { top: number; bottom: number }): boolean {
  if (typeof element.checkVisibility !== 'function') return true;
  const view = element.ownerDocument.defaultView;
  const onScreen = !view || (box.bottom > 0 && box.top < view.innerHeight);
  return element.checkVisibility({ visibilityProperty: true, opacityProperty: onScreen });
}
