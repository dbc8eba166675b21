import type { PageMention } from './find-mentions';
import { selectMention } from './mention-range';

/** How far beyond the viewport, in viewport heights, mentions stay painted. */
const MARGIN_SCREENS = 1;
/** Mentions at the top of the page measured on every update, for headers that stay on screen (leading()). */
const LEADING_MENTIONS = 16;

/**
 * Which mentions lie within about a screen of the viewport, found by binary
 * search over the mentions in document order (which tracks vertical order
 * closely enough on real pages; the margin absorbs the rest). Each probe measures
 * one mention, so a page with 50,000 mentions costs about 30 measurements.
 */
export class ViewportWindow {
  private readonly probe: Range;
  /** The last window found ended before the end of the list it was found in. */
  private endedEarly = false;

  constructor(doc: Document = document) {
    this.probe = doc.createRange();
  }

  /** [start, end) indices into `mentions` of those near the viewport. */
  find(mentions: readonly PageMention[]): [number, number] {
    // Without a mention to place, nothing is measured: even reading innerHeight can force a layout of a loading page.
    if (mentions.length === 0) {
      this.endedEarly = false;
      return [0, 0];
    }
    const margin = innerHeight * MARGIN_SCREENS;
    const start = this.firstBelow(mentions, -margin, 0);
    const end = this.firstBelow(mentions, innerHeight + margin, start);
    this.endedEarly = end < mentions.length;
    return [start, end];
  }

  /**
   * Whether mentions appended to the list since the last find() can be in the
   * window: not once a mention already lay below it, since they come in
   * document order. Lets a long page's scan paint without measuring anything.
   */
  mayReach(): boolean {
    return !this.endedEarly;
  }

  /**
   * Which of the first `LEADING_MENTIONS` mentions before `start` lie within
   * the window all the same: those of a sticky or fixed header ("Live: Kim Jong
   * Un meets Vladimir Putin"), which stays on screen while the page scrolls
   * past the place it stands at in document order.
   */
  leading(mentions: readonly PageMention[], start: number): PageMention[] {
    const found: PageMention[] = [];
    const margin = innerHeight * MARGIN_SCREENS;
    for (let i = 0; i < Math.min(start, LEADING_MENTIONS); i++) {
      const mention = mentions[i]!;
      this.select(mention);
      const box = this.probe.getBoundingClientRect();
      if ((box.width > 0 || box.height > 0) && box.bottom >= -margin && box.top <= innerHeight + margin) found.push(mention);
    }
    return found;
  }

  /** The mention's boxes in viewport coordinates. */
  rects(mention: PageMention): DOMRectList {
    this.select(mention);
    return this.probe.getClientRects();
  }

  private firstBelow(mentions: readonly PageMention[], y: number, from: number): number {
    let lo = from;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      this.select(mentions[mid]!);
      const box = this.probe.getBoundingClientRect();
      // A mention in a hidden element has an empty box at 0,0: count it as above any point below the top.
      const hidden = box.width === 0 && box.height === 0;
      if (box.bottom < y || (hidden && y > 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private select(mention: PageMention): void {
    selectMention(this.probe, mention);
  }
}
