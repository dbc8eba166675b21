/**
 * Highlights are kept registered around the viewport only: a scroll anywhere (captured, so a scrolled element counts
 * too) or a resize asks for the viewport's update. The content script (page/annotator.ts) and the benchmark's
 * Backstory (bench/page-viewport.ts) both listen through these, so the frames the benchmark times are the extension's.
 */
export const VIEWPORT_EVENTS = [
  ['scroll', { passive: true, capture: true }],
  ['resize', { passive: true }],
] as const;

/** Calls `update` in the next frame, once however many times it is asked before then. */
export function onceAFrame(update: () => void, requestFrame: (callback: () => void) => number = (callback) => requestAnimationFrame(callback)): () => void {
  let frame = 0;
  return () => {
    frame ||= requestFrame(() => {
      frame = 0;
      update();
    });
  };
}
