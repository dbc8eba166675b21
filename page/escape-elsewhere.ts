import { sendPageMessage, sendPageMessageNow } from '../extension/send-page-message';
import { isFrameElement } from './frame-element';
import { CLOSE_GRACE_MS } from './hover-card';
import { focusedIn } from './reader-place';

export interface EscapeWatch {
  /** Whether this frame's card is open now. */
  shown(open: boolean): void;
  /** The document goes (another page loads in the frame, or the frame is taken out): the watch goes with it. */
  leave(): void;
}

/**
 * Told whether this frame's card is open; while it is and the keys go to
 * another document of the tab (the reader pointed at a name in an embedded
 * frame, the focus left in the page around it; or at a name of the page, the
 * focus in a frame), Escape pressed there closes it (background/escape-relay.ts).
 * Asked once the card has stayed open a moment (a card the pointer only
 * crossed, gone within it, costs the tab's frames nothing), taken back as it
 * closes, or as the document goes.
 */
export function escapeFromElsewhere(
  send: (open: boolean) => void = (open) => void sendPageMessage({ type: 'card/escape-watch', open }),
  sendNow: (open: boolean) => void = (open) => sendPageMessageNow({ type: 'card/escape-watch', open }),
): EscapeWatch {
  let watched = false;
  let asking: ReturnType<typeof setTimeout> | undefined;
  return {
    shown(open) {
      if (open) {
        if (watched || asking !== undefined) return;
        asking = setTimeout(() => {
          asking = undefined;
          if (keysHere()) return;
          watched = true;
          send(true);
        }, CLOSE_GRACE_MS);
        return;
      }
      clearTimeout(asking);
      asking = undefined;
      if (!watched) return;
      watched = false;
      send(false);
    },
    leave() {
      clearTimeout(asking);
      asking = undefined;
      if (!watched) return;
      watched = false;
      sendNow(false);
    },
  };
}

/** Whether the keys the reader presses come to this document: it has the focus, not through a frame embedded in it. */
function keysHere(): boolean {
  return document.hasFocus() && !isFrameElement(focusedIn(document));
}
