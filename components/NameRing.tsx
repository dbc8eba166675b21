import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { AnchorBox } from '../page/card-bridge';
import { placeAt, undoPageZoom } from './fixed-place';

/** Pixels between the name's box and the ring round it, so the ring never touches the highlight's own colour. */
const GAP = 3;

const FORCED = '(forced-colors: active)';
const forcedColors = (changed: () => void) => {
  const query = matchMedia(FORCED);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
};
const forcedNow = () => matchMedia(FORCED).matches;

/**
 * A ring round the name whose card is open, in forced colours only. There the
 * browser draws every highlight of the page in the one system Highlight colour,
 * whatever ours ask for, so the open name looked like all the others; a border
 * in a system colour survives. Outside forced colours the open name has a
 * highlight of its own (page/highlight-styles.ts) and no ring is drawn.
 */
export function NameRing({ anchor }: { anchor: AnchorBox }) {
  const forced = useSyncExternalStore(forcedColors, forcedNow);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    undoPageZoom(element);
    element.style.width = `${anchor.width + 2 * GAP}px`;
    element.style.height = `${anchor.height + 2 * GAP}px`;
    placeAt(element, anchor.x - GAP, anchor.y - GAP);
  }, [anchor, forced]);
  return forced ? <div ref={ref} className="name-ring" aria-hidden="true" /> : null;
}
