/**
 * Where, in a frame's content-script world, the annotator marks itself as
 * running and finds the reply to its first request, sent early by the screen:
 * alone in this file, as the script on every page uses it and must stay small.
 * Only the extension's scripts run in that world; the page's run in another.
 */
export const ANNOTATOR_MARKER = 'backstory.annotator';
/** The annotator's file: imported as a module, so a web-accessible resource (wxt.config.ts). */
export const ANNOTATOR_SCRIPT = '/content-scripts/annotator.js';
const MATCHER_REPLY_KEY = 'backstory.annotator.matcher-reply';

type Slots = Record<symbol, Promise<unknown> | undefined>;

/** The screen leaves the pending reply to the annotator's first request here. */
export function leaveMatcherReply(reply: Promise<unknown>, scope: object = globalThis): void {
  (scope as Slots)[Symbol.for(MATCHER_REPLY_KEY)] = reply;
}

/** The annotator takes it, once; undefined when the screen sent none. */
export function takeMatcherReply(scope: object = globalThis): Promise<unknown> | undefined {
  const slots = scope as Slots;
  const key = Symbol.for(MATCHER_REPLY_KEY);
  const reply = slots[key];
  delete slots[key];
  return reply;
}
