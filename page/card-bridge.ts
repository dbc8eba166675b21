/**
 * The page script and the lazily injected card script run in the same isolated
 * world, so they meet on a global that the web page's own scripts cannot see.
 */
export interface AnchorBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardRequest {
  entityId: string;
  /** The mention's box in viewport coordinates, where the card is placed. */
  anchor: AnchorBox;
  /** Move keyboard focus into the card, and back where it was when the card closes. */
  focus?: boolean;
  /** Called when the card closes by itself (Escape, pointer left it). */
  onClose?: () => void;
}

export interface CardApi {
  show(request: CardRequest): void;
  hide(): void;
  /** Places the open card at its mention's new box (the page scrolled). */
  move(anchor: AnchorBox): void;
  /** Whether the pointer or focus is inside the card, which keeps it open. */
  isEngaged(): boolean;
}

const KEY = Symbol.for('backstory.card-api');

type Holder = { [KEY]?: CardApi };

export function registerCardApi(api: CardApi): void {
  (globalThis as Holder)[KEY] = api;
}

export function unregisterCardApi(api: CardApi): void {
  if ((globalThis as Holder)[KEY] === api) delete (globalThis as Holder)[KEY];
}

export function getCardApi(): CardApi | undefined {
  return (globalThis as Holder)[KEY];
}
