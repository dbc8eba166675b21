import type { PageNotice } from '../core/messages/page-commands';
import { CARD_MARKER } from '../extension/card-keys';

/** The element that hosts the card's closed shadow root in the page, unless the page took the name (own-host-name.ts). */
export const CARD_HOST = 'backstory-card';
/**
 * Set on the card's host: how a later copy of the card script finds an earlier
 * copy's card, whose host it cannot know by identity (page/own-hosts.ts).
 */
export const CARD_HOST_ATTRIBUTE = 'data-backstory-card';

/**
 * Takes away the cards of an earlier copy of the card script. Firefox unloads
 * the scripts of the version it updates from, and puts the new version's into
 * open pages: a card that was open then stayed over the page for good, with
 * nothing left to close it. (Chrome's older copies remove their own, told by
 * the new copy's start.) A frame holds one card script: any card found as it
 * starts is such a leftover. Only our own hosts: a page's own <backstory-card>
 * elements stay.
 */
export function removeLeftoverCards(): void {
  document.querySelectorAll(`[${CARD_HOST_ATTRIBUTE}]`).forEach((host) => host.remove());
}

/**
 * The card UI's API, handed out by the React app once it is mounted; the
 * injected card script also guards against a second injection through it.
 */
export interface AnchorBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * For a name that wraps, the top of its first line and the bottom of its
   * last: the card stands by the line the pointer rested on (x, y, width,
   * height) but above or below the whole name, never over the rest of it.
   */
  nameTop?: number;
  nameBottom?: number;
}

export interface CardRequest {
  entityId: string;
  /** The mention's box in viewport coordinates, where the card is placed. */
  anchor: AnchorBox;
  /** Move keyboard focus into the card, and back where it was when the card closes. */
  focus?: boolean;
  /** The element the name is in: where focus goes back to when nothing had it before the card took it. */
  place?: Element | null;
  /** The text the name ends in: Tab past the card's last control goes on to the page's next control after it. */
  nameEnd?: Node;
  /** The top-layer element the mention is in (page/top-layer.ts): the card shows inside it, above it. */
  layer?: Element | null;
  /** A card the reader asked for (a tap, the popup, the keyboard): the pointer leaving it leaves it open. */
  pinned?: boolean;
  /** Called when the card closes by itself (Escape). */
  onClose?: () => void;
  /**
   * Called as the card gives the reader's focus back to `place`, when it had it:
   * `after` when Tab went past the card's last control. For a name in an
   * embedded frame whose card the top frame shows, `place` is the frame, and
   * the frame puts the focus by the name.
   */
  onFocusBack?: (after: boolean) => void;
  /** Called as the pointer or the focus comes into the card (`true`) and once neither is in it (`false`). */
  onEngaged?: (engaged: boolean) => void;
}

export interface CardHide {
  /**
   * The focus stays where it is, not given back where it was before the card
   * took it: a press on the page, in the top frame, closed the card of a name in
   * an embedded frame. Given back, it went into the frame, even where a page
   * control that stops the press's default (a toolbar's button, a map) kept the
   * browser from moving it; the reader pressed the page, and its keys are the page's.
   */
  focusBack?: false;
}

export interface CardApi {
  /**
   * Opens the card. Settles once it shows its facts (or why it cannot), with
   * the focus in it when the request asked for it; or once another card or
   * none replaced it. A shortcut answered before then would let the next press
   * ask where the reader is while the focus was still on the page.
   */
  show(request: CardRequest): Promise<void>;
  hide(how?: CardHide): void;
  /** Places the open card at its mention's new box (the page scrolled). */
  move(anchor: AnchorBox): void;
  /**
   * The page wrote the open card's name anew (a framework rendering its
   * paragraph again): the name now stands in these nodes, where Escape gives
   * the focus back and Tab goes on from. The old ones are out of the page.
   */
  renamed(name: Pick<CardRequest, 'place' | 'nameEnd'>): void;
  /** Whether the pointer or focus is inside the card, which keeps it open. */
  isEngaged(): boolean;
  /** Fetches these entities' cards now, so opening one later needs no round trip. */
  prefetch(entityIds: readonly string[]): void;
  /**
   * Tells the reader, for a few seconds, what the keyboard command did where its
   * press would seem to do nothing or to jump (PageNotice), in words a screen
   * reader says too. `onGone` once it shows no more.
   */
  notice(kind: PageNotice, onGone?: () => void): void;
}

const KEY = Symbol.for(CARD_MARKER);

type Holder = { [KEY]?: CardApi };

export function registerCardApi(api: CardApi): void {
  (globalThis as Holder)[KEY] = api;
}

export function unregisterCardApi(api: CardApi): void {
  if ((globalThis as Holder)[KEY] === api) delete (globalThis as Holder)[KEY];
}

