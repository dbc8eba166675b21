import { autoUpdate } from '@floating-ui/dom';
import type { ScriptContext } from '../extension/script-context';
import type { CardAboveNews, CardFocusBack, PageRequest } from '../core/messages/page-commands';
import { FOCUS_IN_CARD_OF } from '../core/messages/reader-focus';
import { anyShadowRoot } from './any-shadow-root';
import type { AnchorBox, CardApi, CardHide } from './card-bridge';
import { focusedFrameElement, framesInShadowTrees } from './frame-element';
import { CLOSE_GRACE_MS } from './hover-card';
import { isOwnHost } from './own-hosts';
import { outOfScrollers } from './scroll-clip';
import { underStickyCover } from './sticky-cover';
import { topLayerAround } from './top-layer';

type Request = Omit<PageRequest<'page/card-for-frame'>, 'type'>;

interface Open {
  frameId: number;
  element: HTMLElement;
  /** The name's box in the frame's own viewport, as the frame last told it. */
  anchor: AnchorBox;
  pinned: boolean;
  /** The frame's number for this showing, which the word of what became of it carries. */
  ask: number;
  /** Where the card was last placed, in this frame's viewport, and that viewport's size: a smaller window places it anew. */
  placed?: AnchorBox;
  viewport?: string;
  /** The reader's focus was in the card as it closed: given to the frame, which puts it by the name. */
  focusBack?: CardFocusBack;
}

/**
 * In the top frame: the cards of embedded frames too small to hold them
 * (page/card-above.ts), shown here, over the page, by the name's box moved by
 * where the frame's element stands. A browser cannot draw a frame's content
 * outside the frame: a card opened in a ticker 90 px tall showed 72 of its
 * 357 px. What the frame cannot see, this frame judges: the page scrolling the
 * frame away, a press on the page outside the card, the pointer gone from the
 * card into the page (into the frame, the frame judges where it rests). Each
 * closing the card by itself is told to its frame (`tell`).
 */
export class CardsForFrames {
  private open: Open | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Stops watching the open card's frame element for changes of size and place. */
  private stopWatching: (() => void) | undefined;
  /** Where the pointer was last seen in this document: at the frame's edge once it went into the frame. */
  private pointer: { x: number; y: number } | undefined;

  constructor(
    ctx: ScriptContext,
    private readonly api: CardApi,
    private readonly tell: (frameId: number, news: CardAboveNews) => void,
  ) {
    const follow = () => this.follow();
    ctx.addEventListener(window, 'scroll', follow, { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', follow, { passive: true });
    const seen = (event: PointerEvent) => {
      this.pointer = { x: event.clientX, y: event.clientY };
      // Over the page, outside the card and the frame: a frame gone meanwhile (taken away, or loading another page) says nothing.
      if (this.open && !this.graceTimer && !this.api.isEngaged() && !this.overFrame(this.open)) this.startGrace(this.open);
    };
    ctx.addEventListener(window, 'pointermove', seen, { passive: true, capture: true });
    ctx.addEventListener(window, 'pointerover', seen, { passive: true, capture: true });
    // Out of the window: over nothing of this page, nor of the frame. A browser may tell the pointer going into a frame the same way.
    const out = (event: PointerEvent) => {
      if (event.relatedTarget !== null) return;
      const inWindow = event.clientX >= 0 && event.clientY >= 0 && event.clientX < innerWidth && event.clientY < innerHeight;
      this.pointer = inWindow ? { x: event.clientX, y: event.clientY } : undefined;
    };
    ctx.addEventListener(window, 'pointerout', out, { passive: true, capture: true });
    // The press goes on to what it was on: the focus is not given back into the frame (CardHide).
    const pressed = (event: PointerEvent) => this.open && !isOwnHost(event.target as Node) && this.closeAndTell({ focusBack: false });
    ctx.addEventListener(window, 'pointerdown', pressed, { passive: true, capture: true });
    ctx.onInvalidated(() => this.open && this.closeAndTell());
    // The focus, in this document (a keyboard's card, a source clicked), gone into another embedded frame (an advertisement,
    // a video): a click there reaches only that frame's document. Into the card's own frame, that frame judges the click.
    ctx.addEventListener(window, 'blur', (event) => {
      if (!this.open || event.target !== window || !event.isTrusted) return;
      setTimeout(() => {
        const into = focusedFrameElement();
        if (this.open && into && into !== this.open.element) this.closeAndTell();
      }, 0);
    });
    // The keyboard command's probe of where the reader is, run in this script's world, asks which frame's card has the focus.
    const world = globalThis as Record<string, unknown>;
    const focusInCardOf = () => {
      const active = document.activeElement;
      return this.open && active && isOwnHost(active) ? this.open.frameId : undefined;
    };
    world[FOCUS_IN_CARD_OF] = focusInCardOf;
    ctx.onInvalidated(() => world[FOCUS_IN_CARD_OF] === focusInCardOf && delete world[FOCUS_IN_CARD_OF]);
  }

  /**
   * Shows, moves or hides a frame's card (cardAboveFields); whether this frame shows that frame's card now. A card
   * that takes the focus is answered for once it has it: the keyboard's next press asks where the reader is.
   */
  async handle(request: Request): Promise<boolean> {
    const { frameId, entityId, anchor } = request;
    if (entityId !== undefined && anchor) return this.show(request, entityId, anchor);
    if (this.open?.frameId !== frameId) return false;
    if (!anchor) {
      this.open = undefined;
      this.stopGrace();
      this.unwatch();
      this.api.hide();
      return false;
    }
    this.open.anchor = anchor;
    this.follow();
    return this.open !== undefined;
  }

  private async show(request: Request, entityId: string, anchor: AnchorBox): Promise<boolean> {
    const element = request.frame === undefined ? null : frameElementAt(request.frame);
    const box = element && inPage(element, anchor);
    if (!element || !box || !onScreen(box)) return false;
    this.stopGrace();
    const before = this.open;
    const opened: Open = { frameId: request.frameId, element, anchor, pinned: request.pinned ?? false, ask: request.ask ?? 0, placed: box, viewport: viewportSize() };
    this.open = opened;
    // Another frame's card in its place: that frame is told its own closed, or its name would not open it again.
    if (before && before.frameId !== opened.frameId) this.tell(before.frameId, { event: 'closed', ask: before.ask });
    const shown = this.api.show({
      entityId,
      anchor: box,
      focus: request.focus ?? false,
      layer: topLayerAround(element),
      // Where the focus goes back to as the card closes, when the reader put it in the card: into the frame.
      place: element,
      onClose: () => {
        if (this.open !== opened) return;
        this.open = undefined;
        this.unwatch();
        this.closed(opened);
      },
      onFocusBack: (after) => (opened.focusBack = after ? 'after' : 'place'),
      onEngaged: (engaged) => {
        if (this.open !== opened) return;
        this.tell(opened.frameId, { event: engaged ? 'engaged' : 'released', ask: opened.ask });
        if (engaged) this.stopGrace();
        else this.startGrace(opened);
      },
    });
    this.watch(element);
    // The focus stays in the card shown in the place of the one it was in (another of the frame's names hovered): engaged
    // from the start, as the frame's own card would be.
    if (this.api.isEngaged()) this.tell(opened.frameId, { event: 'engaged', ask: opened.ask });
    if (request.focus) await shown;
    return true;
  }

  /**
   * A frame hidden (display: none), resized, or moved by the page's layout alone (an advertisement loading above
   * it, a paragraph unfolding) tells nothing, nor does the page: its card goes with it, or follows it. Floating UI
   * sees a move by an intersection observer fitted to the frame's box, which costs nothing while the frame stays put.
   */
  private watch(element: HTMLElement): void {
    this.unwatch();
    let first = true;
    const follow = () => {
      // Called at once as autoUpdate starts: the card was just placed.
      if (!first) this.follow();
    };
    const resized = new ResizeObserver(follow);
    resized.observe(element);
    // Its own observer of size would watch the card too, which is not what moves here.
    const stopMoves = autoUpdate(element, element, follow, { ancestorScroll: false, ancestorResize: false, elementResize: false, layoutShift: true });
    first = false;
    this.stopWatching = () => {
      resized.disconnect();
      stopMoves();
    };
  }

  private unwatch(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** The grace period that lets the pointer come back into the card, as from a name on the page (page/hover-card.ts). */
  private startGrace(opened: Open): void {
    if (opened.pinned) return;
    this.stopGrace();
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      // Into the page, the card goes; into its frame, the frame judges where the pointer rests.
      if (this.open === opened && !this.api.isEngaged() && !this.overFrame(opened)) this.closeAndTell();
    }, CLOSE_GRACE_MS);
  }

  private stopGrace(): void {
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
  }

  private overFrame(opened: Open): boolean {
    const at = this.pointer;
    if (!at || !opened.element.isConnected) return false;
    const frame = opened.element.getBoundingClientRect();
    return at.x >= frame.left - 1 && at.x <= frame.right + 1 && at.y >= frame.top - 1 && at.y <= frame.bottom + 1;
  }

  /**
   * Keeps the card by its name as the page scrolls or the frame tells the name moved; closes it once the name is off
   * screen, out of its frame's view, or hidden by the page as a name of its own would be: the frame scrolled out of
   * a panel's view (a sidebar with its own scroll bar), or under a sticky header (page/hover-card.ts).
   */
  private follow(): void {
    const open = this.open;
    if (!open) return;
    const box = open.element.isConnected ? inPage(open.element, open.anchor) : undefined;
    const gone =
      !box ||
      !onScreen(box) ||
      !overlaps(box, open.element.getBoundingClientRect()) ||
      outOfScrollers(open.element, box) ||
      underStickyCover(open.element, box);
    if (gone) return this.closeAndTell();
    // Placed again only where it moved, or the window changed size: the watchers also call when the frame changed nothing the card stands by.
    const viewport = viewportSize();
    if (sameBox(box, open.placed) && viewport === open.viewport) return;
    open.placed = box;
    open.viewport = viewport;
    this.api.move(box);
  }

  private closeAndTell(how?: CardHide): void {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    this.stopGrace();
    this.unwatch();
    this.api.hide(how);
    this.closed(open);
  }

  /** Tells the frame its card closed, and where the reader's focus, when it was in the card, goes in the frame. */
  private closed(open: Open): void {
    this.tell(open.frameId, { event: 'closed', ask: open.ask, ...(open.focusBack && { focus: open.focusBack }) });
  }
}

/**
 * The element of this document's `index`th frame: `frames[index]`, or past
 * those, one a shadow tree holds, in the order background/frame-paths.ts
 * numbers them.
 */
export function frameElementAt(index: number): HTMLElement | null {
  const found =
    index < frames.length
      ? [...document.querySelectorAll('iframe, frame, object')].find((element) => (element as HTMLIFrameElement).contentWindow === frames[index])
      : framesInShadowTrees(document, anyShadowRoot)[index - frames.length];
  return found instanceof HTMLElement ? found : null;
}

/** A box in the frame's viewport, in this one's: by the frame's content box, scaled as the frame is (a transform). */
export function inPage(element: HTMLElement, box: AnchorBox): AnchorBox | undefined {
  const frame = element.getBoundingClientRect();
  if (frame.width === 0 && frame.height === 0) return undefined;
  const style = getComputedStyle(element);
  const scale = element.offsetWidth > 0 ? frame.width / element.offsetWidth : 1;
  const left = frame.left + (element.clientLeft + parseFloat(style.paddingLeft)) * scale;
  const top = frame.top + (element.clientTop + parseFloat(style.paddingTop)) * scale;
  const placed: AnchorBox = { x: left + box.x * scale, y: top + box.y * scale, width: box.width * scale, height: box.height * scale };
  if (box.nameTop !== undefined) placed.nameTop = top + box.nameTop * scale;
  if (box.nameBottom !== undefined) placed.nameBottom = top + box.nameBottom * scale;
  return placed;
}

function viewportSize(): string {
  return `${innerWidth}x${innerHeight}`;
}

function sameBox(a: AnchorBox, b: AnchorBox | undefined): boolean {
  return b !== undefined && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.nameTop === b.nameTop && a.nameBottom === b.nameBottom;
}

function onScreen(box: AnchorBox): boolean {
  return overlaps(box, { left: 0, top: 0, right: innerWidth, bottom: innerHeight });
}

/** Whether the name's box is within `area` at all: a name scrolled out of its frame's view, sideways too, is nowhere the reader sees. */
function overlaps(box: AnchorBox, area: { left: number; top: number; right: number; bottom: number }): boolean {
  return box.x + box.width > area.left && box.y + box.height > area.top && box.x < area.right && box.y < area.bottom;
}
