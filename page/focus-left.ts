import { sendPageMessage } from '../extension/send-page-message';
import { focusInEmbeddedFrame } from './frame-element';
import type { HoverCard } from './hover-card';

/**
 * The window blur listener that closes the frame's open card once the reader
 * put the keyboard focus into another document of the tab: a click into an
 * embedded frame, or into the page around an embedded frame, reaches only that
 * document, and this one hears no press, only its window's blur. That blur
 * comes as well when the reader switches to another window or tab, or to the
 * browser's own bar, which leaves the card open for them to come back to. Into
 * a frame embedded here, this document tells by itself (it keeps the focus,
 * through that frame); out into the page around an `embedded` frame, the
 * background, which can ask every frame of the tab, tells the two apart.
 * Without a card open a blur does nothing.
 */
export function closeOnFocusElsewhere(card: HoverCard, embedded: boolean): (event: Event) => void {
  return (event) => {
    const shown = card.current;
    // A page's own blur event (dispatched by its script) is no move of the reader's.
    if (!shown || event.target !== window || !event.isTrusted) return;
    // Once the focus has settled where it went.
    setTimeout(() => {
      if (card.current !== shown) return;
      if (focusInEmbeddedFrame()) {
        card.close();
        return;
      }
      if (!embedded || document.hasFocus()) return;
      void sendPageMessage({ type: 'focus/left' }).then((reply) => {
        // Not when the reader came back meanwhile, or the card went or moved on to another name, nor into the card
        // itself, where the top frame shows it for a frame too small to hold it (page/card-above.ts).
        if (reply.ok && reply.elsewhere && card.current === shown && !document.hasFocus() && !card.engaged) card.close();
      });
    }, 0);
  };
}
