import type { PageMention } from './find-mentions';
import type { Painter } from './painter';
import { ViewportWindow } from './viewport-window';
import { adoptHighlightStyles, highlightSheet, HOVER_HIGHLIGHT, MENTION_HIGHLIGHT, removeHighlightStyles } from './highlight-styles';

export { HOVER_HIGHLIGHT, MENTION_HIGHLIGHT };

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Up to this many mentions on the page, all of them are registered once the
 * scan is done (extend), not only those near the viewport: the window is
 * found by a search that takes document order for the screen's top-to-bottom
 * order, which a side column ("Most read",
 * after the whole article in the page's code) or a bar fixed to the screen
 * breaks, leaving its names unpainted though they open their cards. Chromium
 * places every range of a highlight again when one changes: 500 is about twice
 * what the window holds on a page dense with names.
 */
export const PAINT_ALL_MAX = 500;

/**
 * Paints mentions with the CSS Custom Highlight API, which leaves the page's DOM
 * untouched. On a page of many, only mentions near the viewport are registered, as
 * StaticRanges: live Ranges would be updated on every DOM change the page makes.
 */
export class Highlighter implements Painter {
  private mentions: readonly PageMention[] = [];
  private readonly painted = new Highlight();
  private readonly hovered = new Highlight();
  private readonly window = new ViewportWindow();
  private readonly sheet: CSSStyleSheet;
  /**
   * The shadow roots given our styles, to take them back on destroy. Weak: a
   * single-page app drops web components all day, and those must stay collectable.
   */
  private readonly styledRoots = new Set<WeakRef<ShadowRoot>>();
  private readonly styled = new WeakSet<ShadowRoot>();
  private sweepAt = 64;
  private windowStart = 0;
  private windowEnd = 0;
  /** The list all of whose mentions are registered, on a page of few (PAINT_ALL_MAX): a list grown in place is told by its length. */
  private allOf: readonly PageMention[] | undefined;
  /** The mentions registered now, to tell a real change from a rebuilt list holding the same ones. */
  private registered: readonly PageMention[] = [];
  /**
   * The range registered for each of them. A mention never changes, so its range stays right: a change
   * to one block takes out and adds only the ranges of the mentions it changed, instead of building
   * every range in the window anew on each rescan of a page that never stops changing (a ticker).
   */
  private ranges = new Map<PageMention, StaticRange>();

  /** `documentStyled`: the document has our styles already (the extension's manifest adds them); shadow roots still adopt them. */
  constructor(private readonly documentStyled = false) {
    this.sheet = documentStyled ? highlightSheet() : adoptHighlightStyles();
    this.hovered.priority = 1;
  }

  /**
   * The page shares the registry of highlights with us: one that clears it for
   * its own (an in-page search, as MDN's example does) would take ours away
   * for good. Asked on every update, which is a map lookup. Not before there is
   * something to show: registering a highlight, even an empty one, has Chromium
   * repaint the whole page, and its tiles rastered again.
   */
  private register(): void {
    if (this.painted.size === 0 && this.hovered.size === 0) return;
    if (CSS.highlights.get(MENTION_HIGHLIGHT) !== this.painted) CSS.highlights.set(MENTION_HIGHLIGHT, this.painted);
    if (CSS.highlights.get(HOVER_HIGHLIGHT) !== this.hovered) CSS.highlights.set(HOVER_HIGHLIGHT, this.hovered);
  }

  setMentions(mentions: readonly PageMention[], changedFrom = 0): void {
    const before = this.mentions;
    this.mentions = mentions;
    // A change wholly after the first mention below the window (a log appended to while the reader is above its end) leaves the
    // window as it was: measuring it would lay out what the page just changed, milliseconds in a text of megabytes.
    if (this.windowEnd >= 0 && this.windowEnd < before.length && changedFrom > this.windowEnd) {
      this.register();
      return;
    }
    // -1 forces the next update to repaint, even when the new list is empty.
    this.windowStart = this.windowEnd = -1;
    this.update();
  }

  /** Re-registers the mentions within a screen of the viewport (all of them on a page of few); call at most once a frame. */
  update(): void {
    this.paintWindow();
    this.register();
  }

  /** `growing`: the scan goes on, so only the window is added to what is registered; all of a page of few, once it is done. */
  private paintWindow(growing = false): void {
    const all = !growing && this.mentions.length <= PAINT_ALL_MAX;
    // Nothing is measured for a page of few: a scroll costs a comparison.
    if (all) this.window.forget();
    const [start, end] = all ? [0, this.mentions.length] : this.window.find(this.mentions);
    if (start === this.windowStart && end === this.windowEnd && this.painted.size > 0 && (!all || this.mentions === this.allOf)) return;
    this.windowStart = start;
    this.windowEnd = end;
    this.allOf = all ? this.mentions : undefined;
    // Any change to a highlight repaints the page (about 10 ms on a 4 MiB page): none when nothing changed.
    let next = all ? this.mentions.slice() : [...this.window.leading(this.mentions, start), ...this.mentions.slice(start, end)];
    // The first names stay: taking them out until the scan ends would paint the page twice more.
    if (growing) next = [...new Set([...this.registered, ...next])];
    if (next.length === this.registered.length && next.every((mention, i) => mention === this.registered[i])) return;
    this.registered = next;
    // Ranges the page took out of our highlight (it shares the registry) are put back by a rebuild.
    if (this.painted.size !== this.ranges.size) {
      this.painted.clear();
      this.ranges.clear();
    }
    const kept = new Map<PageMention, StaticRange>();
    for (const mention of next) {
      const range = this.ranges.get(mention) ?? toStaticRange(mention);
      if (!this.ranges.delete(mention)) this.painted.add(range);
      kept.set(mention, range);
    }
    for (const range of this.ranges.values()) this.painted.delete(range);
    this.ranges = kept;
  }

  /**
   * While the scan goes on (`more`), once the first names are painted, only
   * those that may be in the window are added: each change to a highlight has
   * Chromium paint the page again (10–15 ms a frame on the 4 MiB benchmark
   * page), and a page of many names painted as a page of few until its 500th
   * was found, then took most of them out again. A page of few gets the rest
   * when the scan is done.
   */
  extend(mentions: readonly PageMention[], more = false): void {
    this.mentions = mentions;
    if (more && this.painted.size > 0) {
      if (!this.window.mayReach()) return;
      this.paintWindow(true);
      this.register();
    } else if (mentions.length <= PAINT_ALL_MAX || this.window.mayReach()) this.update();
  }

  setHovered(mention: PageMention | undefined): void {
    this.hovered.clear();
    if (mention) this.hovered.add(toStaticRange(mention));
    this.register();
  }

  /** How many mentions are registered now: what a user sees painted near the viewport. */
  get paintedCount(): number {
    return this.painted.size;
  }

  addShadowRoot(root: ShadowRoot): void {
    if (!root.adoptedStyleSheets.includes(this.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    if (this.styled.has(root)) return;
    this.styled.add(root);
    // Dropped references are swept when the set has doubled: amortised, however many roots come and go.
    if (this.styledRoots.size >= this.sweepAt) {
      for (const ref of this.styledRoots) if (!ref.deref()) this.styledRoots.delete(ref);
      this.sweepAt = Math.max(64, 2 * this.styledRoots.size);
    }
    this.styledRoots.add(new WeakRef(root));
  }

  destroy(): void {
    for (const ref of this.styledRoots) {
      const root = ref.deref();
      if (root) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
    if (CSS.highlights.get(MENTION_HIGHLIGHT) === this.painted) CSS.highlights.delete(MENTION_HIGHLIGHT);
    if (CSS.highlights.get(HOVER_HIGHLIGHT) === this.hovered) CSS.highlights.delete(HOVER_HIGHLIGHT);
    if (!this.documentStyled) removeHighlightStyles();
  }
}

export function toStaticRange(mention: PageMention): StaticRange {
  return new StaticRange({
    startContainer: mention.startNode,
    startOffset: mention.startOffset,
    endContainer: mention.endNode,
    endOffset: mention.endOffset,
  });
}
