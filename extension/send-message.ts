import { browser } from 'wxt/browser';
import { settle } from '../core/messages/envelope';
import { parseReply, type MessageType, type Reply, type Request } from '../core/messages/protocol';

/**
 * Sends a request to the background and validates the reply. Never throws:
 * a stopped or reloading background, or a malformed reply, comes back as `{ ok: false }`.
 */
export function sendMessage<T extends MessageType>(request: Request<T> & { type: T }): Promise<Reply<T>> {
  return settle(async () => parseReply(request.type, await browser.runtime.sendMessage(request)));
}
