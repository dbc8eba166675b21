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

/** Marks this frame's script on every page as running; false where one runs already. */
export function claimFrame(scope: object = globalThis): boolean {
  const key = Symbol.for(STORY_MARKER);
  if (key in scope) return false;
  (scope as Record<symbol, true>)[key] = true;
  return true;
}
