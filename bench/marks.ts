/**
 * performance.mark() names that bound each measured window: the page sets
 * them, the trace records them, and the Node side cuts the trace with them.
 */
export const MARKS = {
  runStart: 'bench:run:start',
  runEnd: 'bench:run:end',
  scrollStart: 'bench:scroll:start',
  scrollEnd: 'bench:scroll:end',
  mutationsStart: 'bench:mutations:start',
  mutationsEnd: 'bench:mutations:end',
} as const;

export const SCROLL_STEPS = 20;
export const SCROLL_PX = 500;
export const MUTATIONS = 2_000;
export const HOVER_LOOKUPS = 1_000;
/**
 * How long after the last scroll the scroll window stays open: after a slow viewport update Backstory waits three
 * times as long before the next (page/page-annotator.ts), and the update for the last position comes then.
 */
export const SCROLL_SETTLE_MS = 200;
/** How long after the mutations work they set off still counts: debounced or idle-time handlers included. */
export const MUTATIONS_SETTLE_MS = 300;
