import { anyShadowRoot } from './any-shadow-root';
import { caretAt } from './caret-at';
import { TapGesture, type TapPress } from './tap-gesture';

/**
 * How long a tap made before the card script is in the page may still open
 * its card as the script starts. A tap asks for the script at once, which is
 * in the page within a few hundred milliseconds, a second or so with a service
 * worker to wake on a busy page; a card coming later than this would answer a
 * tap the reader has given up on and moved on from.
 */
export const EARLY_TAP_MS = 3000;

/** A tap the card script was not there for: where the finger landed, and the text under it then. */
export interface EarlyTap {
  x: number;
  y: number;
  /** The caret the browser put under the finger: the card opens only if the name at the point is still the one there. */
  node: Text;
  offset: number;
}

/**
 * The reader's last tap before the card script started, kept by the
 * annotator for the card script to open as if it had seen it. A later press
 * of any kind (a tap elsewhere, a scroll's touch, a click) or Escape forgets
 * it, as a tap elsewhere or Escape would have closed the card it opened.
 */
export class EarlyTaps {
  private readonly gesture = new TapGesture();
  private last: (EarlyTap & { at: number }) | undefined;
  private taken = false;

  /** `onTap`: a tap, on a name or not, the card script should come for at once. */
  constructor(private readonly onTap: () => void) {}

  down(event: PointerEvent): void {
    this.last = undefined;
    if (!this.taken) this.gesture.down(event);
  }

  up(event: PointerEvent): void {
    if (this.taken) return;
    const point = this.gesture.up(event);
    if (!point) return;
    const caret = caretAt(point.x, point.y, document, shadowRootsOn(event));
    // No text under the finger: no name was tapped.
    if (caret?.node.nodeType === Node.TEXT_NODE) this.last = { ...point, node: caret.node as Text, offset: caret.offset, at: performance.now() };
    this.onTap();
  }

  cancel(event: PointerEvent): void {
    this.gesture.cancel(event);
  }

  forget(): void {
    this.last = undefined;
  }

  /**
   * The tap for the card script to open, if it is recent enough, and the
   * press still down, if any: its lift comes after the card script listens, and
   * is a tap only if the card script takes the press over (a tap's press and
   * lift are two tasks, and the card script can start between them). Once:
   * from now on the card script sees taps itself.
   */
  take(): { tap: EarlyTap | undefined; pressing: TapPress | undefined } {
    this.taken = true;
    const last = this.last;
    this.last = undefined;
    const pressing = this.gesture.pressing;
    if (!last || performance.now() - last.at > EARLY_TAP_MS) return { tap: undefined, pressing };
    return { tap: { x: last.x, y: last.y, node: last.node, offset: last.offset }, pressing };
  }
}

/** The shadow roots the tap went through, closed ones too: the caret goes into them only when named. */
function shadowRootsOn(event: Event): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const target of event.composedPath()) {
    const root = target instanceof Element ? anyShadowRoot(target) : null;
    if (root) roots.push(root);
  }
  return roots;
}
