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

/**
 * In storage.local: the hash of the pack whose rows the background's database
 * holds (seed-story.ts), written once they are stored. A top frame whose
 * annotator was built with that pack's matcher starts from it without asking
 * the service worker (request-annotator.ts).
 */
export const SERVED_PACK_KEY = 'servedPack';
const LOCAL_START_KEY = 'backstory.annotator.local-start';

/** What the screen read from storage for an annotator it imported itself: the settings' items, the site and the served pack. */
export interface LocalStart {
  items: Record<string, unknown>;
  site: string;
  servedPack: unknown;
}

type LocalSlots = Record<symbol, LocalStart | undefined>;

export function leaveLocalStart(start: LocalStart, scope: object = globalThis): void {
  (scope as LocalSlots)[Symbol.for(LOCAL_START_KEY)] = start;
}

/** Taken once, like the matcher's reply; undefined when the annotator came from the background. */
export function takeLocalStart(scope: object = globalThis): LocalStart | undefined {
  const slots = scope as LocalSlots;
  const key = Symbol.for(LOCAL_START_KEY);
  const start = slots[key];
  delete slots[key];
  return start;
}
