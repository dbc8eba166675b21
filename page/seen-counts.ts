import type { PageMention } from './find-mentions';
import { SLICE_MS, yieldToPage } from './scheduler';

/**
 * Hidden elements watched for being shown: past this many (a page keeping a
 * whole copy of its article hidden), the others are looked at only when counted;
 * a section shown shows the watched ones in it too, and they have all counted.
 */
const MAX_WATCHED = 256;
/** What the page changes around watched elements is looked at together, this long after the first change. */
const LOOK_DELAY_MS = 100;
/**
 * After the reader clicks, chooses or presses Escape, this long before looking
 * again: a dialog fading out or a section sliding open takes a few hundred milliseconds.
 */
const ACTED_LOOK_DELAY_MS = 400;
/**
 * After the page has loaded, it is looked at again this long after: a notice,
 * a banner or a splash the page's own script hides on a timer (no act of the
 * reader's, no text changed, nothing watched) leaves the count soon. A look
 * costs about a microsecond an element holding a name: tens on an article.
 */
const SETTLING_LOOKS_MS = [2_000, 6_000, 20_000];
/** `visibilityProperty` is Chromium 121's name for what Chromium 105 called `checkVisibilityCSS`. */
const SHOWN: CheckVisibilityOptions = { visibilityProperty: true, checkVisibilityCSS: true };
const ELEMENT_NODE = 1;
/** Looks between two readings of the clock: a look costs about a microsecond, a reading a fraction of one. */
const LOOKS_PER_CLOCK_READ = 64;

/**
 * What the popup lists and the badge counts: the mentions a reader can see,
 * not those in parts of the page its styles hide (a newsletter form kept at
 * `display: none`, a collapsed section, a dialog not open). The scan reads no
 * style, as a look per block would cost on every page; a count looks once at
 * each element holding a mention, and is made only when one is reported. Not
 * the opacity: pages fade text in as it scrolls into view. The mentions in
 * hidden parts stay painted, and show when their part does.
 *
 * A look at an element is kept until something tells that the page's styles
 * changed, so a report after a rescan looks only at the elements it brought
 * (a look costs about a microsecond; the 4 MiB benchmark page holds 7,300
 * elements with mentions). A part the page shows later often changes no text
 * (a class toggled on an ancestor, a dialog opened), so no rescan tells of it:
 * the elements found hidden are watched, their box (shown at all) and the
 * attributes of the elements around them (a class, a style, `open`), and
 * `changed` is called when one is shown, or hidden again. They are few, and
 * none on most pages. What nothing watched tells (a stylesheet loaded, a part
 * the reader saw hidden again) the next `lookAgain` finds: once the page has
 * loaded, after the reader acts on the page, and when the popup opens.
 */
export class SeenCounts {
  /** Whether the reader could see each element holding a mention, when last looked at. */
  private looks = new WeakMap<Element, boolean>();
  /** Elements found hidden in some count, while they hold mentions: watched for being shown, and hidden again. */
  private readonly watched = new Set<Element>();
  private resize: ResizeObserver | undefined;
  private attributes: MutationObserver | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private acted: ReturnType<typeof setTimeout> | undefined;
  private settling: ReturnType<typeof setTimeout>[] = [];
  /** The reader acted again while a look was waiting: another look follows it. */
  private actedAgain = false;
  private last: ReadonlyMap<string, number> | undefined;
  /** Where `counted` left off in the mentions, and in which looks: the rest of a page is looked at in the next slice. */
  private resume = { at: 0, looks: this.looks };

  constructor(
    private readonly mentions: () => readonly PageMention[],
    private readonly changed: () => void,
  ) {}

  /**
   * Mentions per entity the reader can see, looking at the elements not looked
   * at yet a slice at a time: on a page of 60,000 mentions a whole look took
   * 22–27 ms of one task. Within one slice, as on most pages, it resolves in
   * the task it was asked in.
   */
  async counted(): Promise<Map<string, number>> {
    while (!this.lookSome(SLICE_MS)) await yieldToPage();
    return this.count();
  }

  /** Mentions per entity the reader can see now, in one task: each element not looked at yet is looked at. */
  count(): Map<string, number> {
    const counts = new Map<string, number>();
    const hidden: Element[] = [];
    const held = new Set<Element>();
    const watching = this.watched.size > 0;
    // Mentions in one text node follow each other: its element is looked up once.
    let lastNode: Node | null = null;
    let shown = true;
    for (const mention of this.mentions()) {
      if (mention.startNode !== lastNode) {
        lastNode = mention.startNode;
        const element = holderOf(lastNode);
        shown = true;
        if (element) {
          const known = this.looks.get(element);
          if (known === undefined) {
            shown = isShown(element);
            this.looks.set(element, shown);
          } else shown = known;
          // Looked at in a slice before, or here: either way watched from now.
          if (!shown) hidden.push(element);
          if (watching && this.watched.has(element)) held.add(element);
        }
      }
      if (shown) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
    }
    this.watch(held, hidden);
    this.last = counts;
    return counts;
  }

  /**
   * Looks at every element holding a mention again, and calls `changed` if
   * the reader sees other names than were counted last: the page's styles may
   * have changed with nothing watched telling (a stylesheet loaded, a part
   * the reader saw hidden again, the window resized past a media query).
   */
  async lookAgain(): Promise<void> {
    const last = this.last;
    if (!last) return;
    this.looks = new WeakMap();
    if (!sameCounts(last, await this.counted())) this.changed();
  }

  /**
   * The reader clicked, chose or pressed Escape: what they opened or closed
   * may show or hide names with nothing watched telling (a part they saw,
   * hidden by a style on it; a menu shown by a class on its button). Looks
   * again once the page has had the time to show it, at most once a delay,
   * and once more after the last act. A look costs about a microsecond an
   * element holding a name, in slices: tens of elements on an article.
   */
  readerActed(): void {
    if (this.acted !== undefined) {
      this.actedAgain = true;
      return;
    }
    this.acted = setTimeout(() => {
      this.acted = undefined;
      void this.lookAgain();
      if (!this.actedAgain) return;
      this.actedAgain = false;
      this.readerActed();
    }, ACTED_LOOK_DELAY_MS);
  }

  /** The page has loaded: looks again a few times over the next seconds, as SETTLING_LOOKS_MS tells why. */
  lookWhileSettling(): void {
    this.settling.forEach(clearTimeout);
    this.settling = SETTLING_LOOKS_MS.map((ms) => setTimeout(() => void this.lookAgain(), ms));
  }

  stop(): void {
    clearTimeout(this.timer);
    clearTimeout(this.acted);
    this.settling.forEach(clearTimeout);
    this.resize?.disconnect();
    this.attributes?.disconnect();
    this.watched.clear();
  }

  /** Looks at the elements not looked at yet for `ms` at most; whether it got to the last mention. */
  private lookSome(ms: number): boolean {
    const mentions = this.mentions();
    const deadline = performance.now() + ms;
    // The list may have changed since (a rescan splices it): elements skipped that way are looked at by the count.
    let at = this.resume.looks === this.looks ? this.resume.at : 0;
    let lastNode: Node | null = null;
    for (let looked = 0; at < mentions.length; at++) {
      const node = mentions[at]!.startNode;
      if (node === lastNode) continue;
      lastNode = node;
      const element = holderOf(node);
      if (!element || this.looks.has(element)) continue;
      this.looks.set(element, isShown(element));
      if (++looked % LOOKS_PER_CLOCK_READ === 0 && performance.now() >= deadline) {
        this.resume = { at: at + 1, looks: this.looks };
        return false;
      }
    }
    this.resume = { at: 0, looks: this.looks };
    return true;
  }

  /** Watches the elements found hidden, and keeps watching those watched before that still hold mentions. */
  private watch(held: ReadonlySet<Element>, hidden: readonly Element[]): void {
    let moved = false;
    for (const element of this.watched) {
      if (held.has(element)) continue;
      this.watched.delete(element);
      this.resize?.unobserve(element);
      moved = true;
    }
    for (const element of hidden) {
      if (this.watched.size >= MAX_WATCHED) break;
      if (this.watched.has(element)) continue;
      this.watched.add(element);
      // Shown, from `display: none` anywhere around it, it gets a box: whatever did it (a class on a sibling, a media query).
      (this.resize ??= new ResizeObserver(() => this.lookSoon())).observe(element);
      moved = true;
    }
    if (!moved) return;
    this.attributes?.disconnect();
    if (this.watched.size === 0) return;
    this.attributes ??= new MutationObserver(() => this.lookSoon());
    const around = new Set<Element>();
    for (const element of this.watched) {
      for (let at: Element | null = element; at && !around.has(at); at = holderOf(at)) {
        around.add(at);
        this.attributes.observe(at, { attributes: true });
      }
    }
  }

  private lookSoon(): void {
    this.timer ??= setTimeout(() => this.look(), LOOK_DELAY_MS);
  }

  /** Whether a watched element was shown or hidden since the last look. */
  private look(): void {
    this.timer = undefined;
    for (const element of this.watched) {
      const was = this.looks.get(element);
      // Not looked at since the last change (the count it set off is to come), or taken out of the page (the rescan that follows counts).
      if (was === undefined || !element.isConnected || isShown(element) === was) continue;
      // What changed it may have changed elements around it, watched or not: the next count looks at all of them.
      this.looks = new WeakMap();
      this.changed();
      return;
    }
  }
}

/** The element a node is laid out in: its parent, or the host of the shadow root it is directly in. */
function holderOf(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  return parent.nodeType === ELEMENT_NODE ? (parent as Element) : ((parent as ShadowRoot).host ?? null);
}

/**
 * Whether the reader can see the text of `element`: it is laid out, not under
 * `content-visibility: hidden` (a closed <details>), and not `visibility: hidden`.
 */
function isShown(element: Element): boolean {
  // A browser that cannot tell (Chromium before 105) counts every name, as before.
  if (typeof element.checkVisibility !== 'function') return true;
  for (let at: Element | null = element; at; at = holderOf(at)) {
    if (at.checkVisibility(SHOWN)) return true;
    // No box of its own, its text laid out in its parent's all the same: `display: contents` (a slot, a wrapping custom element).
    const style = getComputedStyle(at);
    if (style.display !== 'contents' || style.visibility !== 'visible') return false;
  }
  return true;
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, count] of a) if (b.get(id) !== count) return false;
  return true;
}
