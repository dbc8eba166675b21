import type { CardAboveNews } from '../core/messages/page-commands';
import type { Request } from '../core/messages/protocol';
import { sendToCardScript, sendToTab } from '../extension/send-to-tab';
import { framePaths, UNPLACED } from './frame-paths';
import type { Sender } from './handle-message';
import { createPerKeyQueue } from './per-key-queue';
import { senderTabId } from './sender';

/**
 * A tab's requests in the order they came: a card hidden as it is being shown
 * (the pointer passing over a name) must not be shown after its hiding.
 */
const inOrder = createPerKeyQueue<number>();

/**
 * Shows, moves or hides the card of an embedded frame too small to hold it, in
 * the top frame (page/card-above.ts). Only a frame of the page itself: the top
 * frame can place a frame it holds, not one inside another frame, whose place
 * in that frame it cannot see. Whether the top frame shows it.
 */
export function cardAboveFrame(request: Request<'card/above'>, sender: Sender): Promise<boolean> {
  const tabId = senderTabId(sender);
  const frameId = sender.frameId ?? 0;
  if (frameId === 0) return Promise.resolve(false);
  const { entityId, anchor, pinned, focus, ask } = request;
  return inOrder(tabId, async () => {
    let frame: number | undefined;
    if (entityId !== undefined) {
      const path = (await framePaths(tabId, [frameId]))?.get(frameId);
      if (!path || path.length !== 1 || path[0]! >= UNPLACED) return false;
      frame = path[0];
    }
    const reply = await sendToTab(tabId, { type: 'page/card-for-frame', frameId, frame, entityId, anchor, pinned, focus, ask }, 0);
    return reply.ok && reply.shown;
  });
}

/**
 * The top frame tells an embedded frame what became of the card it shows for
 * it. The frame's card script asked for that card, so it is there to hear; no
 * card script is put into the frame first (as sendToTab would), which may show
 * another document since (an advertisement rotated, a ticker moved on): the
 * news is of nothing there. A card script of that document hears news only of
 * the showings it asked for itself (page/card-above.ts).
 */
export async function tellFrameOfCard(frameId: number, news: CardAboveNews, sender: Sender): Promise<void> {
  const tabId = senderTabId(sender);
  if ((sender.frameId ?? 0) !== 0) throw new Error('Only the top frame shows the cards of other frames');
  await inOrder(tabId, async () => {
    const reply = await sendToCardScript(tabId, { type: 'page/card-above-event', ...news }, frameId);
    if (!reply.ok) throw new Error(reply.error);
  });
}
