import type { PageMention } from './find-mentions';
import { releaseRange, selectMention } from './mention-range';

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

  constructor(private readonly doc: Document = document) {
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
    const start = this.firstBelow(mentions, -margin, 0, this.lastStart, 'low');
    const end = this.firstBelow(mentions, innerHeight + margin, start, start + this.lastSize, 'high');
    releaseRange(this.probe, this.doc);
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
    releaseRange(this.probe, this.doc);
    return found;
  }

  /** The mention's boxes in viewport coordinates. */
  rects(mention: PageMention): DOMRectList {
    this.select(mention);
    const rects = this.probe.getClientRects();
    releaseRange(this.probe, this.doc);
    return rects;
  }

  /**
   * The first index from `from` on whose mention does not lie above `y`:
   * galloping from `hint` (outwards by 1, 2, 4… mentions) to bracket it, then
   * halving the bracket. `unknown` is the answer where the bracket holds no
   * mention laid out that a few looks find: the side that makes the window wider.
   */
  private firstBelow(mentions: readonly PageMention[], y: number, from: number, hint: number, unknown: 'low' | 'high'): number {
    let lo = from;
    let hi = mentions.length;
    const at = Math.min(Math.max(hint, lo), hi);
    const giveUp = () => (unknown === 'low' ? lo : hi);
    if (at < hi) {
      const first = this.measuredNear(mentions, at, lo, hi, y);
      if (!first) return giveUp();
      if (first.above) {
        lo = first.index + 1;
        for (let step = 1; lo < hi; step *= 2) {
          const seen = this.measuredNear(mentions, Math.min(hi - 1, lo + step - 1), lo, hi, y);
          if (!seen) break;
          if (!seen.above) {
            hi = seen.index;
            break;
          }
          lo = seen.index + 1;
        }
      } else {
        // Back towards `from`: the first one not above lies at `first` or before it.
        hi = first.index;
        for (let step = 1; hi > lo; step *= 2) {
          const seen = this.measuredNear(mentions, Math.max(lo, hi - step), lo, hi, y);
          if (!seen) break;
          if (seen.above) {
            lo = seen.index + 1;
            break;
          }
          hi = seen.index;
        }
      }
    }
    while (lo < hi) {
      const seen = this.measuredNear(mentions, (lo + hi) >> 1, lo, hi, y);
      if (!seen) return giveUp();
      if (seen.above) lo = seen.index + 1;
      else hi = seen.index;
    }
    return lo;
  }

  /**
   * Whether a mention laid out near `at`, within [lo, hi), lies wholly above
   * `y`, and which one was measured. One in a hidden element (a mobile-only
   * copy of the headline, a closed dialog) has an empty box at 0,0, which says
   * nothing of where it stands: the search goes by the mention measured, so
   * its answers stay in document order. Placed by its empty box, a hidden name
   * at the top was "below" the top of the window wherever the reader
   * scrolled, and the search stopped there: every name from the top of the
   * page on was painted. Looks at the neighbours one by one, then ever
   * further apart (a closed menu of a hundred names is crossed in a few
   * looks); undefined when none of those looked at is laid out.
   */
  private measuredNear(mentions: readonly PageMention[], at: number, lo: number, hi: number, y: number): { index: number; above: boolean } | undefined {
    const look = (index: number) => {
      const box = this.boxAt(mentions, index);
      return box ? { index, above: box.bottom < y } : undefined;
    };
    const first = look(at);
    if (first) return first;
    // The furthest looked at on each side; the ends of [lo, hi) are looked at too, where a step would pass them.
    let up = at;
    let down = at;
    for (let step = 1; up < hi - 1 || down > lo; step = step < NEAR_NEIGHBOURS ? step + 1 : step * 2) {
      if (up < hi - 1) {
        up = Math.min(at + step, hi - 1);
        const seen = look(up);
        if (seen) return seen;
      }
      if (down > lo) {
        down = Math.max(at - step, lo);
        const seen = look(down);
        if (seen) return seen;
      }
    }
    return undefined;
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
