/** The card UI loads in idle time after mentions are found, or after this long at the latest. */
export const CARD_UI_IDLE_TIMEOUT_MS = 2000;

/** What the loader needs of the page: whether the extension is still there, idle time, and the request itself. */
export interface CardUiHost {
  isInvalid(): boolean;
  idle(then: () => void, timeoutMs: number): void;
  /** Asks the background for the card script. */
  ask(): void;
}

/**
 * Asks the background, once, for the card script. In the top frame, in idle
 * time once mentions are found, so it never competes with the first
 * highlights: hovering then finds the card and the facts of the entities on the
 * page already there, even if the service worker has stopped since. In an
 * embedded frame, only once the pointer is in it as well: a live blog of fifty
 * embedded posts naming the story would otherwise hold fifty cards, each its
 * own React app, for frames the reader never points at. A tap, in any frame,
 * asks at once: the reader is waiting for a card; one that came before the
 * names were all found (a long page is painted slice by slice as it is read,
 * and its names counted at the end) asks as soon as they are, not in idle time
 * that could outlast the tap's wait (page/early-tap.ts).
 */
export function cardUiLoader(host: CardUiHost, embedded: boolean) {
  let asked = false;
  let waiting = false;
  let found = false;
  let pointed = false;
  let tapped = false;
  const send = () => {
    if (asked || host.isInvalid()) return;
    asked = true;
    host.ask();
  };
  const load = (now: boolean) => {
    if (asked || !found || (embedded && !pointed) || host.isInvalid()) return;
    // The pointer is on its way to a name, or a finger is on one: no idle time to wait for.
    if (embedded || now) send();
    else if (!waiting) {
      waiting = true;
      host.idle(send, CARD_UI_IDLE_TIMEOUT_MS);
    }
  };
  return {
    mentionsFound() {
      found = true;
      load(tapped);
    },
    pointerMoved() {
      pointed = true;
      load(false);
    },
    tapped() {
      pointed = true;
      tapped = true;
      load(true);
    },
  };
}
