import type { PageMention } from './find-mentions';
import type { HoverCard } from './hover-card';

/** How far a finger may slide between touching and lifting and still have tapped: further, it dragged or scrolled. */
const TAP_SLOP_PX = 10;

/**
 * What does something of its own with a tap: follows a link, presses a button,
 * ticks a label's box, puts the caret in a field. A card opened there would
 * come over the page's answer, or the keyboard it brings up.
 */
const OWN_TAP = 'a[href], area[href], button, label, input, textarea, select, summary, [role="button"], [role="link"]';

/** A finger or a pen: no pointer rests on a name before it touches it, so there is no hover to open a card by. */
export function isTouch(event: PointerEvent): boolean {
  return event.pointerType === 'touch' || event.pointerType === 'pen';
}

/**
 * Opens a card by a tap on its name, pinned: it stays until a tap elsewhere or
 * Escape, as one the keyboard opened. Not on a name in a link, a button, a
 * label or a form field, whose tap is the page's.
 */
export class TapOpener {
  private press: { id: number; x: number; y: number } | undefined;

  constructor(
    private readonly card: HoverCard,
    private readonly at: (x: number, y: number) => PageMention | undefined,
  ) {}

  /** A press on the page, outside the card or in it: whether it is a finger's or a pen's on the open card's own name, which keeps the card. */
  down(event: PointerEvent, onCard: boolean): boolean {
    this.press = isTouch(event) && !onCard ? { id: event.pointerId, x: event.clientX, y: event.clientY } : undefined;
    if (!this.press || !this.card.current) return false;
    return this.at(event.clientX, event.clientY) === this.card.current;
  }

  up(event: PointerEvent): void {
    const press = this.press;
    if (!press || press.id !== event.pointerId) return;
    this.press = undefined;
    if (Math.hypot(event.clientX - press.x, event.clientY - press.y) > TAP_SLOP_PX || isPagesOwnTap(event)) return;
    const mention = this.at(event.clientX, event.clientY);
    if (!mention || (mention === this.card.current && this.card.isPinned)) return;
    void this.card.open(mention, { pinned: true, at: { x: event.clientX, y: event.clientY } });
  }

  /** The browser took the touch for a scroll or a zoom: no tap. */
  cancel(event: PointerEvent): void {
    if (this.press?.id === event.pointerId) this.press = undefined;
  }
}

/** Seen through shadow roots too: a web component's button holds its name in its own tree. */
function isPagesOwnTap(event: Event): boolean {
  return event
    .composedPath()
    .some((target) => target instanceof Element && (target.matches(OWN_TAP) || (target instanceof HTMLElement && target.isContentEditable)));
}
