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

/** A finger's or a pen's press not yet lifted. */
export interface TapPress {
  id: number;
  x: number;
  y: number;
}

/**
 * A finger's or a pen's tap: a press, and a lift where it pressed, not on
 * anything whose tap is the page's (a link, a button, a label, a form field).
 * Both the card script and, before it is in the page, the annotator tell taps
 * by it, so a tap is the same whenever it comes.
 */
export class TapGesture {
  private press: TapPress | undefined;

  /** A finger or pen still down, for another gesture to take over (EarlyTaps hands it to the card script). */
  get pressing(): TapPress | undefined {
    return this.press;
  }

  /** Takes over a press another gesture saw start: its lift, seen here, is a tap as if this one had seen the press. */
  resume(press: TapPress): void {
    this.press = press;
  }

  /** A press on the page; `counts` false for one that starts no tap of ours (in the card). Whether it may be a tap. */
  down(event: PointerEvent, counts = true): boolean {
    this.press = counts && isTouch(event) ? { id: event.pointerId, x: event.clientX, y: event.clientY } : undefined;
    return this.press !== undefined;
  }

  /** Where the tap landed, if `event` lifts its press as one. */
  up(event: PointerEvent): { x: number; y: number } | undefined {
    const press = this.press;
    if (!press || press.id !== event.pointerId) return undefined;
    this.press = undefined;
    if (Math.hypot(event.clientX - press.x, event.clientY - press.y) > TAP_SLOP_PX || isPagesOwnTap(event)) return undefined;
    return { x: event.clientX, y: event.clientY };
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
