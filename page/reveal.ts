import type { PageMention } from './find-mentions';

export interface ViewportBox {
  top: number;
  bottom: number;
}

/**
 * The mention to reveal next: after `current` in document order, wrapping
 * around unless told not to, among those `accept`ed. With `boxOf`, mentions in the viewport come
 * first (the keyboard command walks what the reader sees), then the next one
 * below it, and only then back to the top.
 */
export function nextMention(
  shown: readonly PageMention[],
  current: PageMention | undefined,
  accept: (mention: PageMention) => boolean,
  boxOf?: (mention: PageMention) => ViewportBox,
  viewportHeight = 0,
  wrap = true,
): PageMention | undefined {
  const start = current ? shown.indexOf(current) + 1 : 0;
  const after = shown.slice(start).filter(accept);
  const wrapped = wrap ? shown.slice(0, start).filter(accept) : [];
  if (!boxOf) return after[0] ?? wrapped[0];
  const inView = (m: PageMention) => {
    const box = boxOf(m);
    return box.bottom > 0 && box.top < viewportHeight && box.bottom > box.top;
  };
  return (
    after.find(inView) ??
    after.find((m) => boxOf(m).top >= viewportHeight) ??
    wrapped.find(inView) ??
    after[0] ??
    wrapped[0]
  );
}
