import type { CardMessages } from '../page/card-connections';
import { sendMessage } from './send-message';

/** The card script's messages to the background for the cards of small frames (page/card-above.ts, page/card-for-frames.ts). */
export const cardMessages: CardMessages = {
  above: (request) => sendMessage(request),
  tell: (frameId, news) => void sendMessage({ type: 'card/above-event', frameId, ...news }),
};
