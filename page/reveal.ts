import type { PageMention } from './find-mentions';

/** Where a mention stands for the reader: wholly in view and uncovered, running past the bottom edge or below it, or neither. */
export type ViewPlace = 'in' | 'below' | 'elsewhere';

/**
 * Where an entry of the list stands by its place in reading order, without
 * measuring it: among those that may be on screen (a screen of the viewport
 * either side, `ViewportWindow`), or before them (above) or after them (below).
 */
export type NearScreen = 'above' | 'near' | 'below';

/**
 * The mention to reveal next: after `current` in document order, wrapping
 * around unless told not to, among those `accept`ed. With `placeOf`, mentions in
 * view come first (the keyboard command walks what the reader sees), then the
 * next one below, and only then back to the top. A name only partly on screen,
 * or under a sticky header, is not in view: opening it first would point the
 * card at what the reader cannot see, or jump the page to centre a sliver.
 *
 * Each `accept` and `placeOf` measures a name, which in a text node of
 * megabytes (a plain-text log) costs milliseconds: only the names `near`
 * the screen are measured for being in view, those above it never, and each
 * search stops at its first find. Measuring every name on a page of 100,000
 * froze the tab for a second a press, in a plain-text log for minutes.
 */
export function nextMention<T = PageMention>(
  shown: readonly T[],
  current: T | undefined,
  accept: (mention: T) => boolean,
  placeOf?: (mention: T) => ViewPlace,
  wrap = true,
  near: (index: number) => NearScreen = () => 'near',
): T | undefined {
  const start = current ? shown.indexOf(current) + 1 : 0;
  const accepted = remembered(accept);
  const first = (from: number, to: number, test: (mention: T, index: number) => boolean) => {
    for (let i = from; i < to; i++) if (test(shown[i]!, i)) return shown[i];
    return undefined;
  };
  const firstAfter = () => first(start, shown.length, accepted);
  const firstWrapped = () => (wrap ? first(0, start, accepted) : undefined);
  if (!placeOf) return firstAfter() ?? firstWrapped();
  const place = remembered(placeOf);
  const inView = (mention: T, i: number) => near(i) === 'near' && accepted(mention) && place(mention) === 'in';
  const below = (mention: T, i: number) => near(i) !== 'above' && accepted(mention) && place(mention) === 'below';
  return (
    first(start, shown.length, inView) ??
    first(start, shown.length, below) ??
    (wrap ? first(0, start, inView) : undefined) ??
    firstAfter() ??
    firstWrapped()
  );
}

/** `measure`, asked at most once per mention. */
function remembered<T, R>(measure: (mention: T) => R): (mention: T) => R {
  const known = new Map<T, R>();
  return (mention) => {
    if (known.has(mention)) return known.get(mention)!;
    const value = measure(mention);
    known.set(mention, value);
    return value;
  };
}
