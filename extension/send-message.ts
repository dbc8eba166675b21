import { browser } from 'wxt/browser';
import { settle } from '../core/messages/envelope';
import { afterPrerender } from './after-prerender';
import { parseReply, type MessageType, type Reply, type Request } from '../core/messages/protocol';

/**
 * Sends a request to the background and validates the reply. Never throws:
 * a stopped or reloading background, or a malformed reply, comes back as `{ ok: false }`.
 */
export function sendMessage<T extends MessageType>(request: Request<T> & { type: T }, sent?: Promise<unknown>): Promise<Reply<T>> {
  return settle(async () => {
    // The card's script in a page the browser prerenders (its extension pages never are).
    if (!sent) await afterPrerender();
    return parseReply(request.type, await (sent ?? browser.runtime.sendMessage(request)));
  });
}

/** After a failed request, the wait before it is asked once more. */
const RETRY_AFTER_MS = 400;

/**
 * sendMessage, asked once more after a moment when it fails: a background
 * that is starting, or restarting after an update, often answers the second time.
 * `sent`: the same request's first sending, already on its way (extension/early-requests.ts).
 */
export async function sendMessageRetrying<T extends MessageType>(request: Request<T> & { type: T }, sent?: Promise<unknown>): Promise<Reply<T>> {
  const reply = await sendMessage<T>(request, sent);
  if (reply.ok) return reply;
  await new Promise((done) => setTimeout(done, RETRY_AFTER_MS));
  return sendMessage<T>(request);
}
