import { onceAFrame, VIEWPORT_EVENTS } from '../page/follow-viewport';

/**
 * What the content script adds around the PageAnnotator to keep highlights registered around the viewport
 * (page/annotator.ts, through the same page/follow-viewport.ts): one updateViewport() in the next frame, however many
 * scrolls and resizes the frame brings. Without it, the bench's scroll frames would be those of a page whose
 * highlights never change.
 */
export interface ViewportTarget {
  addEventListener(type: string, listener: () => void, options: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: () => void, options: AddEventListenerOptions): void;
}

export function followViewport(
  annotator: { updateViewport(): void },
  target: ViewportTarget = window,
  requestFrame?: (callback: () => void) => number,
): () => void {
  const schedule = onceAFrame(() => annotator.updateViewport(), requestFrame);
  for (const [type, options] of VIEWPORT_EVENTS) target.addEventListener(type, schedule, options);
  return () => {
    for (const [type, options] of VIEWPORT_EVENTS) target.removeEventListener(type, schedule, options);
  };
}
