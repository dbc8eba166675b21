/** Room left between what is shown and the edge of the view it is scrolled into, in CSS pixels. */
const MARGIN = 8;

/**
 * Scrolls the card (or the popup) the least that shows `opened` whole: the part a button just opened below itself
 * (a fact's sentence, the story's key points). Opened near the card's bottom edge, it would open out of sight, one
 * line peeking out. The button stays in view first: a part taller than the view shows from its top.
 */
export function showOpened(opened: HTMLElement, button: HTMLElement): void {
  const scroller = scrollerOf(opened);
  if (!scroller) return;
  const whole = scroller === scroller.ownerDocument.scrollingElement;
  const view = whole ? { top: 0, bottom: scroller.clientHeight } : scroller.getBoundingClientRect();
  const below = opened.getBoundingClientRect().bottom - (view.bottom - MARGIN);
  const room = button.getBoundingClientRect().top - (view.top + MARGIN);
  const by = Math.min(below, room);
  if (by > 0) scroller.scrollTop += by;
}

/**
 * The element that scrolls `element` into view: the card, or the popup's page. Never the page a card is shown on:
 * scrolling it would take the name, and its card, off screen.
 */
function scrollerOf(element: Element): Element | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if ((overflowY === 'auto' || overflowY === 'scroll') && at.scrollHeight > at.clientHeight) return at;
  }
  return element.getRootNode() === element.ownerDocument ? element.ownerDocument.scrollingElement : null;
}
