import type { CardAboveNews, CardFocusBack } from '../core/messages/page-commands';
import type { AnchorBox, CardApi, CardRequest } from './card-bridge';
import { focusPlace, inView } from './focus-place';
import { focusedIn, refocus } from './reader-place';
import { tabStopAfter } from './tab-stops';

/**
 * The least viewport a card opens in, in CSS pixels: a frame smaller in either
 * way has the top frame show it (a card is at most 380 px wide, and shows a few
 * lines of facts under its title in 240).
 */
export const LEAST_FRAME_FOR_CARD = { width: 300, height: 240 };

/** Whether this document is an embedded frame too small to show a card in. */
export function frameTooSmall(): boolean {
  return window !== window.top && (innerWidth < LEAST_FRAME_FOR_CARD.width || innerHeight < LEAST_FRAME_FOR_CARD.height);
}

/**
 * Sends the background a `card/above` request (core/messages/protocol.ts),
 * passed in by the card script: page code bundles only the page's own messages.
 */
export type AskAbove = (request: {
  type: 'card/above';
  entityId?: string;
  anchor?: AnchorBox;
  pinned?: boolean;
  focus?: boolean;
  ask?: number;
}) => Promise<{ ok: true; shown: boolean } | { ok: false; error: string }>;

/**
 * The card API of an embedded frame: a card of a frame too small to hold it
 * (a live ticker, a strip of headlines) is shown by the top frame, over the
 * page, where it is read in full (page/card-for-frames.ts); the frame's own
 * card where the top frame cannot place it (a frame inside a frame, a frame
 * gone meanwhile). A card that takes the keyboard focus (the shortcut's, the
 * popup's) takes it into the page's document; the keyboard's walk goes on from
 * this frame's names all the same, as the top frame tells the shortcut whose
 * card has the focus. The top frame tells (`heard`) when that card closed by
 * itself, where the focus goes back to in the frame, and when the pointer or
 * the focus is in it, which keeps it open as a card of the frame's own would.
 * Each showing asked has its number (`ask`), which what the top frame tells
 * carries: word of a card the frame has since replaced or hidden is not taken
 * for the card asked for after it, which is open.
 */
export function cardAbove(
  local: CardApi,
  send: AskAbove,
  tooSmall: () => boolean = frameTooSmall,
  focusHere: () => Element | null | undefined = focusInThisFrame,
): CardApi & { heard(news: CardAboveNews): void; leave(): void } {
  /** Each show or hide: a show's answer that comes after another is of no use. */
  let asks = 0;
  /** The showing asked of the top frame and not taken back since: its request, number, and what the top frame said of it. */
  let asked: { request: CardRequest; ask: number; shown: boolean; engaged: boolean; closed: boolean; focus?: CardFocusBack } | undefined;
  /**
   * What had the focus in this frame when a card over the page first took it (the shortcut's walk, from a link the
   * reader tabbed to): where Escape gives it back, as the frame's own card does, until that card closes or is hidden.
   */
  let heldBefore: Element | null = null;
  const takeBack = () => {
    if (!asked) return;
    asked = undefined;
    void send({ type: 'card/above' });
  };
  const closedAbove = (focus: CardFocusBack | undefined) => {
    const closed = asked;
    asked = undefined;
    if (!closed) return;
    const held = heldBefore;
    heldBefore = null;
    closed.request.onClose?.();
    if (focus) focusByName(closed.request, focus, held);
  };
  return {
    ...local,
    async show(request) {
      const ask = ++asks;
      if (!tooSmall()) {
        takeBack();
        return local.show(request);
      }
      // A card taking the focus is engaged from the start: the frame, losing the focus to it, must not close it.
      const focus = request.focus ?? false;
      // From the frame's name to the next, the focus is in the card over the page already: what had it before stays.
      const here = focus ? focusHere() : undefined;
      if (here !== undefined) heldBefore = here;
      asked = { request, ask, shown: false, engaged: focus, closed: false };
      const showing = asked;
      const reply = await send({ type: 'card/above', entityId: request.entityId, anchor: boxOf(request.anchor), pinned: request.pinned, focus, ask });
      // Another card asked for, or this one hidden, meanwhile: the background ordered those requests after this one.
      if (asked !== showing) return;
      if (reply.ok && reply.shown) {
        local.hide();
        showing.shown = true;
        // Closed by the top frame (Escape) before its answer came here.
        if (showing.closed) closedAbove(showing.focus);
        return;
      }
      asked = undefined;
      // As the page last wrote its name (renamed), while the top frame was asked.
      return local.show(showing.request);
    },
    hide() {
      ++asks;
      heldBefore = null;
      takeBack();
      local.hide();
    },
    move(anchor) {
      if (asked?.shown) void send({ type: 'card/above', anchor: boxOf(anchor) });
      else local.move(anchor);
    },
    renamed(name) {
      // Shown over the page, the card gives the focus back to the frame, which puts it by the name (focusByName).
      if (asked) asked.request = { ...asked.request, ...name };
      else local.renamed(name);
    },
    isEngaged() {
      return asked ? asked.engaged : local.isEngaged();
    },
    heard({ event, ask, focus }) {
      if (!asked || asked.ask !== ask) return;
      if (event !== 'closed') asked.engaged = event === 'engaged';
      else if (asked.shown) closedAbove(focus);
      else Object.assign(asked, { closed: true, focus });
    },
    /** The frame's page goes (another page loads in the frame), or the reader pressed Escape in it: the card over the page goes. */
    leave() {
      const closed = asked;
      if (!closed) return;
      ++asks;
      heldBefore = null;
      takeBack();
      closed.request.onClose?.();
    },
  };
}

/**
 * The focus the top frame gave this frame as the card closed with it inside,
 * put as the frame's own card puts it (components/CardApp.tsx): on the control
 * after the name when Tab went past the card's last one; else back on what had
 * it in this frame before the card took it (`held`), where that is in view, or
 * by the name. Given to the frame alone, it would rest on whatever had it last
 * here, or on the frame's `<body>`, and the next Tab start from the frame's top.
 */
function focusByName(request: CardRequest, focus: CardFocusBack, held: Element | null): void {
  // The reader went elsewhere meanwhile: the focus stays where they put it.
  if (!document.hasFocus()) return;
  const next = focus === 'after' && request.nameEnd?.isConnected ? tabStopAfter(request.nameEnd) : null;
  if (next) {
    next.focus();
    return;
  }
  const heldStays = focus === 'place' && held instanceof HTMLElement && held.isConnected && inView(held);
  if (heldStays && refocus(held)) return;
  if (request.place?.isConnected) focusPlace(request.place);
}

/** What has the keyboard focus in this frame (null: its `<body>`), or undefined when the focus is in another document. */
function focusInThisFrame(): Element | null | undefined {
  if (!document.hasFocus()) return undefined;
  // A link in a web component: the document tells only the component's element, which takes no focus given back.
  const active = focusedIn(document);
  return active && active !== document.body ? active : null;
}

/** The box alone: what the top frame places the card by. */
function boxOf({ x, y, width, height, nameTop, nameBottom }: AnchorBox): AnchorBox {
  return { x, y, width, height, ...(nameTop !== undefined && { nameTop }), ...(nameBottom !== undefined && { nameBottom }) };
}
