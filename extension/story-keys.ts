/** The script on every page and its highlight styles, as the manifest names them (wxt.config.ts). */
export const STORY_SCRIPT = 'story.js';
export const HIGHLIGHT_STYLES = 'highlights.css';

/**
 * Where, in a frame's content-script world, the script on every page marks
 * itself as running. Chrome makes that world anew when it loads the extension
 * again (an update, switched off and on): the copies of an earlier load, cut
 * off from the extension, leave no mark the new load sees.
 */
export const STORY_MARKER = 'backstory.story';

/** Marks this frame's script on every page as running; false where one runs already. Notes when its document began. */
export function claimFrame(scope: object = globalThis): boolean {
  documentStart(DOCUMENT_START, scope);
  const key = Symbol.for(STORY_MARKER);
  if (key in scope) return false;
  (scope as Record<symbol, true>)[key] = true;
  return true;
}

/** Where, in a frame's content-script world, the time its document began is kept (documentStart). */
export const DOCUMENT_START = 'backstory.documentStart';

/**
 * When this frame's document began, on the wall clock: noted by the first of
 * our scripts to ask in the frame's content-script world (the script on every
 * page, as it starts), and read back from there by each after it, the
 * background's probes too. A report of a frame's names carries it, which tells
 * a frame of the document a tab shows from one of the page before (a reload, a
 * frame that moved on, a page back from the back-forward cache): a document's
 * frames began after it.
 *
 * Not `performance.timeOrigin`: each process turns its monotonic clock into
 * that with the offset it took when it started, and a monotonic clock stops
 * while the computer sleeps (in Chromium on macOS and Linux): a frame in a
 * process begun before a sleep read as begun long before its page, and one of
 * a later process the other way (w3c/hr-time#115). The wall clock is the
 * system's own, the same in every process; what has passed since the document
 * began is measured in the document itself, on its own clock.
 *
 * Runs serialised too, in the background's probes: it uses nothing from
 * outside but its arguments and its world's globals.
 */
export function documentStart(key: string, scope: object = globalThis): number | undefined {
  const world = scope as Record<symbol, unknown>;
  const mark = Symbol.for(key);
  // Noted a minute or more after the document began (our script put into a page open since before, a probe of a
  // frame it never ran in), the wall clock less the document's clock is off by any sleep since: unknown, not a
  // start hours late that would make the page's frames read as a page before. (Literal: no constant reaches a probe.)
  if (!(mark in world)) world[mark] = performance.now() < 60_000 ? Date.now() - performance.now() : null;
  return typeof world[mark] === 'number' ? world[mark] : undefined;
}
