import { sendPageMessage } from '../extension/send-page-message';
import { isFrameElement } from './frame-element';
import { focusedIn } from './reader-place';

/**
 * Told whether this frame's card is open; while it is and the keys go to
 * another document of the tab (the reader pointed at a name in an embedded
 * frame, the focus left in the page around it; or at a name of the page, the
 * focus in a frame), Escape pressed there closes it (background/escape-relay.ts).
 * Asked once as the card opens, taken back as it closes.
 */
export function escapeFromElsewhere(
  send: (open: boolean) => void = (open) => void sendPageMessage({ type: 'card/escape-watch', open }),
): (open: boolean) => void {
  let watched = false;
  return (open) => {
    if (open === watched || (open && keysHere())) return;
    watched = open;
    send(open);
  };
}

/** Whether the keys the reader presses come to this document: it has the focus, not through a frame embedded in it. */
function keysHere(): boolean {
  return document.hasFocus() && !isFrameElement(focusedIn(document));
}
