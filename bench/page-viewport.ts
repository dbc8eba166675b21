/**
 * What the content script adds around the PageAnnotator to keep highlights
 * registered around the viewport (page/annotator.ts, `schedule` and
 * `listenAgain`): a scroll anywhere (captured, so a scrolled element counts
 * too) or a resize asks for one updateViewport() in the next frame, however
 * many events the frame brings. Without it, the bench's scroll frames would be
 * those of a page whose highlights never change.
 */
export interface ViewportTarget {
  addEventListener(type: string, listener: () => void, options: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: () => void, options: EventListenerOptions): void;
}

export function followViewport(
  annotator: { updateViewport(): void },
  target: ViewportTarget = window,
  requestFrame: (callback: () => void) => number = (callback) => requestAnimationFrame(callback),
): () => void {
  let frame = 0;
  const schedule = () => {
    frame ||= requestFrame(() => {
      frame = 0;
      annotator.updateViewport();
    });
  };
  target.addEventListener('scroll', schedule, { passive: true, capture: true });
  target.addEventListener('resize', schedule, { passive: true });
  return () => {
    target.removeEventListener('scroll', schedule, { capture: true });
    target.removeEventListener('resize', schedule, {});
  };
}
