import { browser } from 'wxt/browser';
import { parseReply, type MessageType, type Reply, type Request } from '../core/messages/protocol';

/**
 * Sends a request to the background and validates the reply. Never throws:
 * a stopped or reloading background, or a malformed reply, comes back as `{ ok: false }`.
 */
export async function sendMessage<T extends MessageType>(request: Request<T> & { type: T }): Promise<Reply<T>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(request);
    return parseReply(request.type, raw);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
