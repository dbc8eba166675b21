import { sendPageMessage } from '../extension/send-page-message';
import type { HoverCard } from './hover-card';

/**
 * The window blur listener of an embedded frame, which closes the frame's open
 * card once the reader put the keyboard focus into another document of the
 * tab: a click into the page around the frame, or into a frame beside it,
 * reaches only that document, and this one hears no press, only its window's
 * blur. That blur comes as well when the reader switches to another window or
 * to the browser's own bar, which leaves the card open for them to come back
 * to: the background, which can ask every frame of the tab, tells the two
 * apart. Without a card open a blur asks nothing.
 */
export function closeOnFocusElsewhere(card: HoverCard): (event: Event) => void {
  return (event) => {
    const shown = card.current;
    if (!shown || event.target !== window) return;
    void sendPageMessage({ type: 'focus/left' }).then((reply) => {
      // Not when the reader came back meanwhile, or the card went or moved on to another name.
      if (reply.ok && reply.elsewhere && card.current === shown && !document.hasFocus()) card.close();
    });
  };
}
