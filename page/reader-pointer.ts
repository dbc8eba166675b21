import type { ScriptContext } from '../extension/script-context';

/** A move of the pointer over the window: `touch` for a finger, which scrolls the page and hovers nothing. */
export interface PointerMove {
  x: number;
  y: number;
  buttons: number;
  touch: boolean;
}

/**
 * What is told of the reader's pointer. A press, a release and a way out come
 * as the pointer's own event, or as the mouse's where the page kept the
 * pointer's from us; `pointerType` tells them apart (a mouse event has none).
 */
export interface PointerHandlers {
  move(move: PointerMove): void;
  down?(event: PointerEvent | MouseEvent): void;
  up?(event: PointerEvent | MouseEvent): void;
  out?(event: PointerEvent | MouseEvent): void;
}

const CAPTURED = { passive: true, capture: true } as const;

/** The mouse's event the browser sends after each of the pointer's: the pointer's event first, then the mouse's. */
const MOUSE_TWIN = { pointermove: 'mousemove', pointerdown: 'mousedown', pointerup: 'mouseup', pointerout: 'mouseout' } as const;
type PointerType = keyof typeof MOUSE_TWIN;

/**
 * Listens for the reader's pointer over the window, through `ctx`. Returns the
 * function that adds the listeners, to call again after the page wrote a new
 * document (the same functions add nothing where they still listen).
 *
 * A page that stops the pointer's events at the window before us (a listener it
 * added first, calling `stopImmediatePropagation`, as some analytics and
 * drawing scripts do) still lets the mouse's own through: the browser sends
 * each after the pointer's, and one is taken when the pointer's of its kind did
 * not come since the last. A finger's tap sends them too, after its pointer
 * events, and they are left, as the pointer's of a finger are where it counts.
 */
export function listenForReaderPointer(ctx: ScriptContext, handlers: PointerHandlers): () => void {
  const seen = new Set<PointerType>();
  const tell = (type: PointerType, event: PointerEvent | MouseEvent, touch: boolean) => {
    if (type === 'pointermove') handlers.move({ x: event.clientX, y: event.clientY, buttons: event.buttons, touch });
    else if (type === 'pointerdown') handlers.down?.(event);
    else if (type === 'pointerup') handlers.up?.(event);
    else handlers.out?.(event);
  };
  const onPointer = (event: PointerEvent) => {
    seen.add(event.type as PointerType);
    tell(event.type as PointerType, event, event.pointerType === 'touch');
  };
  const mouseListener = (type: PointerType) => (event: MouseEvent) => {
    if (seen.delete(type)) return;
    // A page's own dispatched mouse event is no act of the reader's.
    if (!event.isTrusted || fromTouch(event)) return;
    tell(type, event, false);
  };
  const listeners = Object.entries(MOUSE_TWIN).map(([type, twin]) => [type as PointerType, twin, mouseListener(type as PointerType)] as const);
  return () => {
    for (const [type, twin, listener] of listeners) {
      ctx.addEventListener(window, type, onPointer, CAPTURED);
      ctx.addEventListener(window, twin, listener, CAPTURED);
    }
  };
}

/** Whether the browser says a mouse event comes of a touch: Chromium's `sourceCapabilities`, Firefox's `mozInputSource` (5). */
export function fromTouch(event: MouseEvent): boolean {
  const seen = event as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } | null; mozInputSource?: number };
  return seen.sourceCapabilities?.firesTouchEvents === true || seen.mozInputSource === 5;
}
