import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** A move of the pointer over the window: `touch` for a finger, which scrolls the page and hovers nothing. */
export interface PointerMove {
  x: number;
  y: number;
  buttons: number;
  touch: boolean;
}

const CAPTURED = { passive: true, capture: true } as const;

/**
 * Listens for the pointer's moves over the window, through `ctx`. Returns
 * the function that adds the listeners, to call again after the page wrote a
 * new document (the same functions add nothing where they still listen).
 *
 * A page that stops `pointermove` at the window before us (a listener it
 * added first, calling `stopImmediatePropagation`, as some analytics and
 * drawing scripts do) still lets the mouse's own `mousemove` through: the
 * browser sends it after the pointer's, and it is taken when no pointer event
 * came since the last one. A finger's tap sends one too, after its pointer
 * events, and is left, as the pointer's moves of a finger are.
 */
export function listenForPointerMoves(ctx: ContentScriptContext, onMove: (move: PointerMove) => void): () => void {
  let pointerSeen = false;
  const onPointerMove = (event: PointerEvent) => {
    pointerSeen = true;
    onMove({ x: event.clientX, y: event.clientY, buttons: event.buttons, touch: event.pointerType === 'touch' });
  };
  const onPointerPress = () => {
    pointerSeen = true;
  };
  const onMouseMove = (event: MouseEvent) => {
    if (pointerSeen) {
      pointerSeen = false;
      return;
    }
    // A page's own `mousemove` (dispatched by its script) is no move of the reader's.
    if (!event.isTrusted || fromTouch(event)) return;
    onMove({ x: event.clientX, y: event.clientY, buttons: event.buttons, touch: false });
  };
  return () => {
    ctx.addEventListener(window, 'pointermove', onPointerMove, CAPTURED);
    ctx.addEventListener(window, 'pointerdown', onPointerPress, CAPTURED);
    ctx.addEventListener(window, 'pointerup', onPointerPress, CAPTURED);
    ctx.addEventListener(window, 'mousemove', onMouseMove, CAPTURED);
  };
}

/** Whether the browser says a mouse event comes of a touch: Chromium's `sourceCapabilities`, Firefox's `mozInputSource` (5). */
function fromTouch(event: MouseEvent): boolean {
  const seen = event as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } | null; mozInputSource?: number };
  return seen.sourceCapabilities?.firesTouchEvents === true || seen.mozInputSource === 5;
}
