import { parsePageSideReply, type PageSideReply } from '../core/messages/page-protocol';

type MatcherReply = PageSideReply<'matcher/get'>;

/**
 * The reply the annotator starts from: the one the screen asked for along with
 * the annotator (annotator-keys.ts), validated like any message, or, when there
 * is none or it failed (the worker stopped, Backstory was off when it was
 * asked), the reply to asking now.
 */
export async function firstMatcherReply(early: Promise<unknown> | undefined, ask: () => Promise<MatcherReply>): Promise<MatcherReply> {
  if (early) {
    const reply = parsePageSideReply('matcher/get', await early.catch(() => undefined));
    if (reply.ok) return reply;
  }
  return ask();
}
