import type { EarlyTap } from './early-tap';
import type { PageMention } from './find-mentions';
import { mentionAtCaret, type CaretIndex } from './hit-test';
import type { HoverCard } from './hover-card';
import { TapGesture, type TapPress } from './tap-gesture';

/** Finds shown mentions: under a viewport point, and by the caret (MentionLookup). */
export interface TapLookup {
  at(x: number, y: number): PageMention | undefined;
  atCaret: CaretIndex['at'];
}

/**
 * Opens a card by a tap on its name, pinned: it stays until a tap elsewhere or
 * Escape, as one the keyboard opened. Not on a name in a link, a button, a
 * label or a form field, whose tap is the page's.
 */
export class TapOpener {
  private readonly gesture = new TapGesture();

  constructor(
    private readonly card: HoverCard,
    private readonly lookup: TapLookup,
  ) {}

  /** A press on the page, outside the card or in it: whether it is a finger's or a pen's on the open card's own name, which keeps the card. */
  down(event: PointerEvent, onCard: boolean): boolean {
    if (!this.gesture.down(event, !onCard) || !this.card.current) return false;
    return this.lookup.at(event.clientX, event.clientY) === this.card.current;
  }

  up(event: PointerEvent): void {
    const point = this.gesture.up(event);
    if (point) this.tapped(this.lookup.at(point.x, point.y), point);
  }

  /**
   * A tap made before the card script came (EarlyTaps): its card opens as it
   * would have then, if the name under the finger is still the one there. A
   * scroll or a change of the page since may have taken it away, or brought
   * another name under that point, which the reader never tapped. Whether a card opened.
   */
  tappedEarlier(tap: EarlyTap): boolean {
    const mention = this.lookup.at(tap.x, tap.y);
    if (!mention || mention !== mentionAtCaret((node, offset) => this.lookup.atCaret(node, offset), tap.node, tap.offset)) return false;
    this.tapped(mention, tap);
    return true;
  }

  /** A press made before this script listened, still down: its lift here is a tap. */
  resume(press: TapPress): void {
    this.gesture.resume(press);
  }

  /** The browser took the touch for a scroll or a zoom: no tap. */
  cancel(event: PointerEvent): void {
    this.gesture.cancel(event);
  }

  private tapped(mention: PageMention | undefined, at: { x: number; y: number }): void {
    if (!mention || (mention === this.card.current && this.card.isPinned)) return;
    void this.card.open(mention, { pinned: true, at: { x: at.x, y: at.y } });
  }
}
