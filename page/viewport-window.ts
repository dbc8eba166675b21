import type { PageMention } from './find-mentions';
import { selectMention } from './mention-range';

/** How far beyond the viewport, in viewport heights, mentions stay painted. */
const MARGIN_SCREENS = 1;
/** Mentions at the top of the page measured on every update, for headers that stay on screen (leading()). */
export const LEADING_MENTIONS = 16;
/**
 * Mentions looked at one by one on each side of one with no box, for the
 * nearest laid out; past them, ever further apart (a closed menu of a hundred
 * names is crossed in a few looks).
 */
const NEAR_NEIGHBOURS = 4;

/**
 * Which mentions lie within about a screen of the viewport, found by search
 * over the mentions in document order (which tracks vertical order closely
 * enough on real pages; the margin absorbs the rest). Each probe measures one
 * mention (a few more where names are hidden). The search gallops out from where the last window began, and looks
 * for its end as far past its start as the last one ended: loading at the top
 * of a page, or scrolling a screen, costs a few measurements however many
 * mentions the page holds, where halving the whole list measured about 30 on
 * a page of 50,000. In a text node of megabytes (a plain-text log, a `<pre>`
 * dump) each measurement costs milliseconds.
 */
export class ViewportWindow {
  private readonly probe: Range;
  /** The last window found ended before the end of the list it was found in. */
  private endedEarly = false;
  /** Where the last window began, and how many mentions it held: the next search starts there, and looks for its end as far on. */
  private lastStart = 0;
  private lastSize = 0;

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
    const start = this.firstBelow(mentions, -margin, 0, this.lastStart);
    const end = this.firstBelow(mentions, innerHeight + margin, start, start + this.lastSize);
    this.lastStart = start;
    this.lastSize = end - start;
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
   * The window was not searched for this list (a page of few names, all
   * painted): what the last search found says nothing of where it ends. A
   * single-page app's new view, read from an empty list, is painted as it is
   * found, not once the reader scrolls.
   */
  forget(): void {
    this.endedEarly = false;
    this.lastStart = 0;
    this.lastSize = 0;
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
    // A header's names have text nodes of their own: those in the node the window begins in scroll with it (a
    // plain-text page is one node of megabytes, where each measurement costs milliseconds).
    const scrolling = mentions[start]?.startNode;
    for (let i = 0; i < Math.min(start, LEADING_MENTIONS); i++) {
      const mention = mentions[i]!;
      if (mention.startNode === scrolling) continue;
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

  /**
   * The first index from `from` on whose mention does not lie above `y`:
   * galloping from `hint` (outwards by 1, 2, 4… mentions) to bracket it, then
   * halving the bracket.
   */
  private firstBelow(mentions: readonly PageMention[], y: number, from: number, hint: number): number {
    let lo = from;
    let hi = mentions.length;
    const at = Math.min(Math.max(hint, lo), hi);
    if (at === hi || !this.above(mentions, at, y)) {
      // Back towards `from`: the first one not above lies at `at` or before it.
      hi = at;
      for (let step = 1; hi > lo; step *= 2) {
        const probe = Math.max(lo, hi - step);
        if (this.above(mentions, probe, y)) {
          lo = probe + 1;
          break;
        }
        hi = probe;
      }
    } else {
      lo = at + 1;
      for (let step = 1; lo < hi; step *= 2) {
        const probe = Math.min(hi - 1, lo + step - 1);
        if (!this.above(mentions, probe, y)) {
          hi = probe;
          break;
        }
        lo = probe + 1;
      }
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.above(mentions, mid, y)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Whether the mention at `at` lies wholly above `y`. One in a hidden element
   * (a mobile-only copy of the headline, a closed dialog) has an empty box at
   * 0,0, which says nothing of where it stands: the nearest laid-out one
   * answers for it, which keeps the answers in document order, as the search
   * needs. Placed by its empty box, a hidden name at the top was "below" the
   * top of the window wherever the reader scrolled, and the search stopped
   * there: every name from the top of the page on was painted.
   */
  private above(mentions: readonly PageMention[], at: number, y: number): boolean {
    const box = this.laidOutNear(mentions, at);
    // None laid out (a page in a hidden frame): a point at the top, which errs towards a wider window.
    return box ? box.bottom < y : y > 0;
  }

  /**
   * The box of the mention at `at`, or else of the nearest laid-out one (the
   * later of two as near; past NEAR_NEIGHBOURS, about the nearest); null when none is.
   */
  private laidOutNear(mentions: readonly PageMention[], at: number): DOMRect | null {
    for (let step = 0; step < mentions.length; step = step < NEAR_NEIGHBOURS ? step + 1 : step * 2) {
      const box = this.boxAt(mentions, at + step) ?? (step > 0 ? this.boxAt(mentions, at - step) : null);
      if (box) return box;
    }
    return null;
  }

  /** The box of the mention at `i`; null past either end of the list, or for one with no box. */
  private boxAt(mentions: readonly PageMention[], i: number): DOMRect | null {
    const mention = mentions[i];
    if (!mention) return null;
    this.select(mention);
    const box = this.probe.getBoundingClientRect();
    return box.width === 0 && box.height === 0 ? null : box;
  }

  private select(mention: PageMention): void {
    selectMention(this.probe, mention);
  }
}
