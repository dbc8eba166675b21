import type { PageMention } from './find-mentions';

/** Where a mention stands for the reader: wholly in view and uncovered, running past the bottom edge or below it, or neither. */
export type ViewPlace = 'in' | 'below' | 'elsewhere';

/**
 * The mention to reveal next: after `current` in document order, wrapping
 * around unless told not to, among those `accept`ed. With `placeOf`, mentions in
 * view come first (the keyboard command walks what the reader sees), then the
 * next one below, and only then back to the top. A name only partly on screen,
 * or under a sticky header, is not in view: opening it first would point the
 * card at what the reader cannot see, or jump the page to centre a sliver.
 */
export function nextMention<T = PageMention>(
  shown: readonly T[],
  current: T | undefined,
  accept: (mention: T) => boolean,
  placeOf?: (mention: T) => ViewPlace,
  wrap = true,
): T | undefined {
  const start = current ? shown.indexOf(current) + 1 : 0;
  const after = shown.slice(start).filter(accept);
  const wrapped = wrap ? shown.slice(0, start).filter(accept) : [];
  if (!placeOf) return after[0] ?? wrapped[0];
  return (
    after.find((m) => placeOf(m) === 'in') ??
    after.find((m) => placeOf(m) === 'below') ??
    wrapped.find((m) => placeOf(m) === 'in') ??
    after[0] ??
    wrapped[0]
  );
}
