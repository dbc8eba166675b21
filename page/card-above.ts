import type { CardAboveEvent } from '../core/messages/page-commands';
import type { AnchorBox, CardApi, CardRequest } from './card-bridge';

/**
 * The least viewport a card opens in, in CSS pixels: a frame smaller in either
 * way has the top frame show it (a card is at most 380 px wide, and shows a few
 * lines of facts under its title in 240).
 */
export const LEAST_FRAME_FOR_CARD = { width: 300, height: 240 };

/** Whether this document is an embedded frame too small to show a card in. */
export function frameTooSmall(): boolean {
  return window !== window.top && (innerWidth < LEAST_FRAME_FOR_CARD.width || innerHeight < LEAST_FRAME_FOR_CARD.height);
}

/**
 * Sends the background a `card/above` request (core/messages/protocol.ts),
 * passed in by the card script: page code bundles only the page's own messages.
 */
export type AskAbove = (request: {
  type: 'card/above';
  entityId?: string;
  anchor?: AnchorBox;
  pinned?: boolean;
}) => Promise<{ ok: true; shown: boolean } | { ok: false; error: string }>;

/**
 * The card API of an embedded frame: a card of a frame too small to hold it
 * (a live ticker, a strip of headlines) is shown by the top frame, over the
 * page, where it is read in full (page/card-for-frames.ts); the frame's own
 * card where the top frame cannot place it (a frame inside a frame, a frame
 * gone meanwhile), and for a card that takes the keyboard focus, which stays
 * in the frame where the keyboard's walk goes on from. The top frame tells
 * (`heard`) when that card closed by itself, and when the pointer or the
 * focus is in it, which keeps it open as a card of the frame's own would.
 */
export function cardAbove(
  local: CardApi,
  send: AskAbove,
  tooSmall: () => boolean = frameTooSmall,
): CardApi & { heard(event: CardAboveEvent): void; leave(): void } {
  /** The request of the card the top frame shows for this frame. */
  let above: CardRequest | undefined;
  /** Asked of the top frame and not taken back since: its hiding must follow, even before its answer. */
  let asked = false;
  let engaged = false;
  let asks = 0;
  const takeBack = () => {
    if (!asked) return;
    asked = false;
    above = undefined;
    engaged = false;
    void send({ type: 'card/above' });
  };
  return {
    ...local,
    async show(request) {
      const ask = ++asks;
      if (request.focus || !tooSmall()) {
        takeBack();
        return local.show(request);
      }
      asked = true;
      const reply = await send({ type: 'card/above', entityId: request.entityId, anchor: boxOf(request.anchor), pinned: request.pinned });
      // Another card asked for, or this one closed, meanwhile: the background ordered its request after this one.
      if (ask !== asks) return;
      if (reply.ok && reply.shown) {
        local.hide();
        above = request;
        engaged = false;
        return;
      }
      asked = false;
      above = undefined;
      return local.show(request);
    },
    hide() {
      ++asks;
      takeBack();
      local.hide();
    },
    move(anchor) {
      if (above) void send({ type: 'card/above', anchor: boxOf(anchor) });
      else local.move(anchor);
    },
    isEngaged() {
      return above ? engaged : local.isEngaged();
    },
    heard(event) {
      if (!above) return;
      if (event !== 'closed') {
        engaged = event === 'engaged';
        return;
      }
      const closed = above;
      above = undefined;
      asked = false;
      engaged = false;
      closed.onClose?.();
    },
    /** The frame's page goes (another page loads in the frame): its card over the page goes with it. */
    leave() {
      const closed = above;
      ++asks;
      takeBack();
      closed?.onClose?.();
    },
  };
}

/** The box alone: what the top frame places the card by. */
function boxOf({ x, y, width, height, nameTop, nameBottom }: AnchorBox): AnchorBox {
  return { x, y, width, height, ...(nameTop !== undefined && { nameTop }), ...(nameBottom !== undefined && { nameBottom }) };
}
