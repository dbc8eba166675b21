import type { ScriptContext } from '../extension/script-context';
import type { CardAboveNews } from '../core/messages/page-commands';
import { cardAbove, type AskAbove } from './card-above';
import type { CardApi } from './card-bridge';
import { CardsForFrames } from './card-for-frames';
import { startInteraction } from './interaction';
import { whenPageBridge } from './page-bridge';
import { listenForPageRequests } from './page-requests';
import { shareCard } from './shared-card';

/** The background's side of the cards of small frames, passed in by the card script: page code bundles only the page's own messages. */
export interface CardMessages {
  /** An embedded frame asks the top frame to show, move or hide its card. */
  above: AskAbove;
  /** The top frame tells an embedded frame what became of the card it shows for it. */
  tell(frameId: number, news: CardAboveNews): void;
}

/**
 * Connects the frame's card, once it is mounted, to what opens it: the
 * extension's requests from the start (the shortcut's notice comes on pages
 * without names too, where no page script ever comes), and the reader's
 * hovering, taps and commands once the page script is there. In the top frame,
 * the cards of embedded frames too small for theirs share it; an embedded
 * frame hands such cards to the top frame.
 */
export function connectCard(ctx: ScriptContext, card: CardApi, background: CardMessages, failed: (error: unknown) => void): void {
  const shared = shareCard(card);
  const top = window === window.top;
  const forFrames = top ? new CardsForFrames(ctx, shared.frames, background.tell) : undefined;
  const above = top ? undefined : cardAbove(shared.page, background.above);
  if (above) {
    ctx.addEventListener(window, 'pagehide', () => above.leave());
    // With the focus in the frame, the key comes here, not to the card over the page: it closes that card as it would the frame's own.
    ctx.addEventListener(window, 'keydown', (event) => event.key === 'Escape' && above.leave(), { capture: true });
  }
  const requests = listenForPageRequests(ctx, {
    notice: (kind) => card.notice(kind),
    cardForFrame: async (request) => (await forFrames?.handle(request)) ?? false,
    cardAboveEvent: (news) => above?.heard(news),
  });
  whenPageBridge((page) => ctx.isValid && startInteraction(ctx, page, above ?? shared.page, requests), failed);
}
