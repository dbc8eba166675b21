import type { AnchorBox, CardApi } from './card-bridge';
import { drawnParent } from './drawn-parent';
import type { PageMention } from './find-mentions';
import { selectMention } from './mention-range';
import { outOfScrollers } from './scroll-clip';
import { underStickyCover } from './sticky-cover';
import { topLayerAround } from './top-layer';
import { LEADING_MENTIONS, ViewportWindow } from './viewport-window';

/** Hover intent: a mention must stay under the pointer this long before its card opens. */
export const OPEN_DELAY_MS = 200;
/** Grace period that lets the pointer travel from a mention into its card. */
export const CLOSE_GRACE_MS = 300;

/**
 * Opens and closes the card for the hovered mention, with hover intent and a
 * grace period. A card the reader asked for (the popup, the keyboard, a tap) is
 * pinned: the pointer passing over the page does not close it, nor the page
 * scrolling to it under a pointer that rests elsewhere; Escape, a click
 * outside it, another name hovered or its own leaving the viewport do. Any
 * card closes as a button is pressed outside it.
 */
export class HoverCard {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private shown: PageMention | undefined;
  /** Where the shown mention was last seen, to find it again once the page re-rendered its text. */
  private anchor: ReturnType<typeof anchorOf> | undefined;
  /** The window's size when the card was last placed: a window resized places it again, its name where it was or not. */
  private viewport = '';
  /** Which of the shown name's lines the card stands by: the one the pointer rested on, for a name that wraps. */
  private line = 0;
  private pinned = false;
  /** The name whose card opens once the pointer has rested on it long enough: the page scrolling under the pointer leaves it so. */
  private pending: PageMention | undefined;
  /** Where the pointer rested on the pending name. */
  private pendingAt: { x: number; y: number } | undefined;
  /** The wait ended with the pending name's text gone from the page, not yet read again: it opens once it is (pendingLost). */
  private pendingDue = false;
  /** The name the pointer was last seen on, if any. */
  private under: PageMention | undefined;
  /**
   * The name whose card the reader put away (Escape, a press) with the pointer on it: hovering it opens nothing until
   * the pointer has been elsewhere. Moved by a pixel or two, the pointer had it pop up again (WCAG 1.4.13, dismissible).
   */
  private dismissed: PageMention | undefined;

  constructor(
    private readonly api: CardApi,
    private readonly onShownChange: (mention: PageMention | undefined) => void = () => {},
  ) {}

  /**
   * The pointer now rests on `mention`, or on no mention at all; `scrolled`
   * when the page moved under a pointer that did not, which opens no card, only
   * lets one go whose name left the pointer; `at`, where the pointer is. A name
   * whose card the reader put away opens nothing until the pointer has left it.
   */
  hover(mention: PageMention | undefined, how: { scrolled?: boolean; at?: { x: number; y: number } } = {}): void {
    this.under = mention;
    if (mention !== this.dismissed) this.dismissed = undefined;
    if (this.pinned && how.scrolled) return;
    if (how.scrolled && mention && mention === this.pending) return;
    clearTimeout(this.openTimer);
    this.pending = undefined;
    if (mention) {
      clearTimeout(this.closeTimer);
      if (mention === this.shown) return;
      // A name the page brought under a pointer at rest is not one the reader pointed at: reading on with the wheel
      // would pop up a card at every name that passes under it. Its card waits for the pointer to move.
      if (how.scrolled) {
        if (this.shown) this.scheduleClose();
        return;
      }
      if (mention === this.dismissed) return;
      this.pending = mention;
      this.pendingAt = how.at;
      this.pendingDue = false;
      this.openTimer = setTimeout(() => this.waited(), OPEN_DELAY_MS);
    } else if (this.shown && !this.pinned) {
      this.scheduleClose();
    }
  }

  /**
   * Opens the card at once; `pinned` for one the reader asked for, `focus`
   * moves keyboard focus into it (and back on close); `at`, the pointer that
   * rested on it, beside whose line of a name that wraps the card stands.
   * Settles as CardApi.show.
   */
  open(mention: PageMention, options: { focus?: boolean; pinned?: boolean; at?: { x: number; y: number } } = {}): Promise<void> {
    clearTimeout(this.openTimer);
    this.pending = undefined;
    clearTimeout(this.closeTimer);
    // Asked for (a tap, the keyboard): whatever the reader put away before is theirs again.
    this.dismissed = undefined;
    this.pinned = options.pinned ?? false;
    this.shown = mention;
    this.line = options.at ? lineAt(mention, options.at) : 0;
    this.anchor = anchorOf(mention, this.line);
    this.viewport = viewportSize();
    this.onShownChange(mention);
    return this.api.show({
      entityId: mention.entityId,
      anchor: this.anchor,
      layer: topLayerAround(mention.startNode),
      focus: options.focus ?? false,
      pinned: this.pinned,
      place: mention.startNode.parentElement,
      nameEnd: mention.endNode,
      onClose: () => {
        // Closed by the reader (Escape, the close button): the card about to open for the name the pointer rests on
        // goes too, rather than pop up right after.
        clearTimeout(this.openTimer);
        this.pending = undefined;
        this.keepAway();
        this.closed();
      },
    });
  }

  /**
   * Closes the card the reader put away from elsewhere (Escape pressed in
   * another document of the tab, the popup or the keyboard going on to a name
   * in another frame): as Escape in the card, the name under the pointer opens
   * nothing until the pointer has left it.
   */
  putAway(): void {
    this.keepAway();
    this.close();
  }

  close(): void {
    clearTimeout(this.openTimer);
    this.pending = undefined;
    clearTimeout(this.closeTimer);
    this.api.hide();
    this.closed();
  }

  /**
   * Keeps the card with its mention while the page scrolls; closes it once the
   * mention left the viewport (or the view of a panel it scrolls in, or went under a sticky header), leaving a card about to open for another name
   * (the pointer came to rest on it as the old one went) to open.
   */
  follow(): void {
    if (!this.shown) return;
    const anchor = anchorOf(this.shown, this.line);
    const element = drawnParent(this.shown.startNode);
    const gone =
      (anchor.width === 0 && anchor.height === 0) ||
      anchor.y + anchor.height < 0 ||
      anchor.y > innerHeight ||
      // Sideways too: a ticker's line scrolling by.
      anchor.x + anchor.width < 0 ||
      anchor.x > innerWidth ||
      // Out of view in a panel with its own scroll bar, or under a sticky header, too: a card pointing at nothing the reader sees.
      (element !== null && (outOfScrollers(element, anchor) || underStickyCover(element, anchor)));
    if (!gone) {
      // Placed again only when its name moved or the window changed size: every move of the pointer comes here, in the
      // card too, and a card placed anew with what the reader unfolded in it since ("About the story", a quote) jumped to
      // the other side of its name, out from under the pointer, which then closed it.
      const viewport = viewportSize();
      if (sameBox(anchor, this.anchor) && viewport === this.viewport) return;
      this.anchor = anchor;
      this.viewport = viewport;
      this.api.move(anchor);
      return;
    }
    clearTimeout(this.closeTimer);
    this.api.hide();
    this.closed();
  }

  get current(): PageMention | undefined {
    return this.shown;
  }

  /** Whether the open card is one the reader asked for, which the pointer passing over the page leaves open. */
  get isPinned(): boolean {
    return this.shown !== undefined && this.pinned;
  }

  /** Whether the pointer or the focus is in the open card, wherever it is shown (page/card-above.ts). */
  get engaged(): boolean {
    return this.shown !== undefined && this.api.isEngaged();
  }

  /**
   * The shown mention is no longer among `shown`. Where the page only
   * re-rendered its text (a framework setting the same HTML again), the same
   * name stands where it stood: the card stays open, with that mention. Else it closes.
   */
  lost(shown: readonly PageMention[]): void {
    const old = this.shown;
    const at = this.anchor;
    if (!old) return;
    // Its name was on screen, and so is the one in its place: only the names near the screen are measured, found
    // in reading order by a few measurements. Measuring each of the entity's from the top took 6 s in a plain-text log
    // of 30,000 lines the page wrote anew, a millisecond or more a name.
    const [from, to] = at ? new ViewportWindow().find(shown) : [0, 0];
    const near = [...shown.slice(0, Math.min(from, LEADING_MENTIONS)), ...shown.slice(from, to)];
    const successor =
      at &&
      near.find((m) => {
        if (m.entityId !== old.entityId || m.text !== old.text) return false;
        // By the same line of the name as the card stood by: the second, for a name hovered on its second line.
        const box = anchorOf(m, this.line);
        return Math.abs(box.x - at.x) < 2 && Math.abs(box.y - at.y) < 2;
      });
    if (!successor) {
      this.close();
      return;
    }
    this.shown = successor;
    // The pointer resting on the name rests on its new text: Escape now puts the card away as it would have before.
    if (this.under === old) this.under = successor;
    this.api.renamed({ place: successor.startNode.parentElement, nameEnd: successor.endNode });
    this.onShownChange(successor);
  }

  /**
   * The name whose card is about to open is no longer among the names shown:
   * the page wrote its text anew while the pointer rested on it (a framework
   * rendering again, a live blog). The same entity's name now under the
   * pointer takes its place, and its card opens when the wait ends; else none
   * does. Opened for the old name, the card stood by text gone from the page,
   * a box of zeros: the window's top-left corner, until the pointer moved.
   */
  pendingLost(isShown: (mention: PageMention) => boolean, at: (x: number, y: number) => PageMention | undefined): void {
    const pending = this.pending;
    if (!pending || isShown(pending)) return;
    const again = this.pendingAt && at(this.pendingAt.x, this.pendingAt.y);
    if (again && again.entityId === pending.entityId) {
      this.pending = again;
      if (this.pendingDue) this.waited();
      return;
    }
    clearTimeout(this.openTimer);
    this.pending = undefined;
  }

  /** The pointer rested on the pending name long enough: the name the page shows now, if its text is still there. */
  private waited(): void {
    const mention = this.pending;
    if (!mention) return;
    this.pendingDue = !mention.startNode.isConnected;
    if (!this.pendingDue) void this.open(mention, { at: this.pendingAt });
  }

  /**
   * A press somewhere on the page: outside the card, it closes the card, pinned
   * or hovered, even with focus in it, and even on its own name: a click
   * elsewhere is the reader putting it away, a press on the name the start of a
   * selection the card would cover. A card about to open for a name the pointer
   * rests on does not open, nor, until the pointer leaves it, the closed card of
   * the name it is on.
   */
  pressed(onCard: boolean): void {
    if (onCard) return;
    clearTimeout(this.openTimer);
    this.pending = undefined;
    if (this.shown) this.putAway();
  }

  /** The reader put the shown card away: its name, if the pointer is on it, opens nothing until the pointer leaves it. */
  private keepAway(): void {
    this.dismissed = this.under === this.shown ? this.shown : undefined;
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      // The pointer went into the card, or focus did: its leaving is a hover of its own.
      if (this.api.isEngaged()) return;
      this.close();
    }, CLOSE_GRACE_MS);
  }

  private closed(): void {
    this.pinned = false;
    this.shown = undefined;
    this.anchor = undefined;
    this.line = 0;
    this.onShownChange(undefined);
  }
}

function viewportSize(): string {
  return `${innerWidth}x${innerHeight}`;
}

function sameBox(a: AnchorBox, b: AnchorBox | undefined): boolean {
  return b !== undefined && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.nameTop === b.nameTop && a.nameBottom === b.nameBottom;
}

/**
 * The box of the mention's `line`th line (its first by default; its last, if
 * it has fewer): a card stands by one line of a name that wraps, above or
 * below all of its lines (AnchorBox).
 */
export function anchorOf(mention: PageMention, line = 0): AnchorBox {
  const range = document.createRange();
  selectMention(range, mention);
  const lines = lineBoxes(range.getClientRects());
  const at = Math.min(line, lines.length - 1);
  const box = lines[at] ?? range.getBoundingClientRect();
  const anchor: AnchorBox = { x: box.x, y: box.y, width: box.width, height: box.height };
  // Only the lines that follow on from each other down the page: a name split between two columns (its first
  // line at the foot of one, its second at the head of the next) spans the screen, and a card kept clear of both
  // fits nowhere.
  let first = at;
  let last = at;
  while (first > 0 && follows(lines[first - 1]!, lines[first]!)) first--;
  while (last < lines.length - 1 && follows(lines[last]!, lines[last + 1]!)) last++;
  if (last > first) {
    anchor.nameTop = lines[first]!.y;
    anchor.nameBottom = lines[last]!.y + lines[last]!.height;
  }
  return anchor;
}

/** Whether `below` is the line after `above` in one column: starting below it, less than two lines' height apart (a loose line height). */
function follows(above: { y: number; height: number }, below: { y: number; height: number }): boolean {
  const gap = below.y - (above.y + above.height);
  return gap > -1 && gap < 2 * Math.max(above.height, below.height);
}

/** Which line of the mention's the point is on: the first when it is on none (between two). */
function lineAt(mention: PageMention, point: { x: number; y: number }): number {
  const range = document.createRange();
  selectMention(range, mention);
  const on = lineBoxes(range.getClientRects()).findIndex(
    (box) => point.x >= box.x - 1 && point.x <= box.x + box.width + 1 && point.y >= box.y - 1 && point.y <= box.y + box.height + 1,
  );
  return Math.max(0, on);
}

/**
 * The boxes of a range's lines: its rects one line at a time, joined. A name
 * split by tags ("Kim <b>Jong</b> Un") has a rect for each piece, and one for
 * the element, on the same line.
 */
function lineBoxes(rects: DOMRectList): { x: number; y: number; width: number; height: number }[] {
  const lines: { left: number; top: number; right: number; bottom: number }[] = [];
  for (const rect of rects) {
    if (rect.width === 0 && rect.height === 0) continue;
    const line = lines.at(-1);
    const middle = (rect.top + rect.bottom) / 2;
    if (line && middle >= line.top && middle <= line.bottom) {
      line.left = Math.min(line.left, rect.left);
      line.right = Math.max(line.right, rect.right);
      line.top = Math.min(line.top, rect.top);
      line.bottom = Math.max(line.bottom, rect.bottom);
    } else lines.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
  }
  return lines.map(({ left, top, right, bottom }) => ({ x: left, y: top, width: right - left, height: bottom - top }));
}
