import type { PageMention } from '../page/find-mentions';
import { selectMention } from '../page/mention-range';
import type { HoverTiming } from './bench-api';
import { median } from './stats';
import { createRandom } from './prng';

/** performance.now() is coarsened to 100 µs outside cross-origin isolation: warm lookups are timed in batches. */
const BATCH = 100;
/** Points drawn per point kept, at most, before a page whose mentions are all covered is given up on. */
const DRAWS_PER_POINT = 20;

/** What the card script hit-tests through (page/mention-lookup.ts). */
export interface HoverLookup {
  at(x: number, y: number): PageMention | undefined;
  warm(timeLeft: () => boolean): boolean;
  /** Stops following the annotator's edits. */
  readonly stop: () => void;
}

/** Indexes `lookup` in idle callbacks, as the card script does once it comes (page/interaction.ts). */
export async function warmInIdleTime(lookup: HoverLookup): Promise<void> {
  for (;;) {
    const left = await new Promise<boolean>((done) => requestIdleCallback((deadline) => done(lookup.warm(() => deadline.timeRemaining() > 1))));
    if (!left) return;
  }
}

interface Target {
  box: DOMRect;
  /** The element holding the whole mention: a point the page covers with something else hovers no name. */
  holder: Element;
}

function targetsInView(mentions: readonly PageMention[], probe: Range): Target[] {
  const targets: Target[] = [];
  for (const mention of mentions) {
    if (!selectMention(probe, mention)) continue;
    const common = probe.commonAncestorContainer;
    const holder = common instanceof Element ? common : common.parentElement;
    if (!holder) continue;
    for (const box of probe.getClientRects()) {
      if (box.width > 2 && box.height > 2 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth) targets.push({ box, holder });
    }
  }
  return targets;
}

/**
 * Random points over mentions in view that the reader's pointer could reach:
 * a point under a sticky header or a banner is dropped, as the hover there is
 * on the banner. Every point kept must then find its mention.
 */
function pointsOver(targets: readonly Target[], count: number, seed: number): { x: number; y: number }[] {
  const random = createRandom(seed);
  const points: { x: number; y: number }[] = [];
  for (let draws = 0; points.length < count && draws < count * DRAWS_PER_POINT; draws++) {
    const { box, holder } = random.pick(targets);
    const x = box.left + 1 + random.next() * (box.width - 2);
    const y = box.top + 1 + random.next() * (box.height - 2);
    const top = document.elementFromPoint(x, y);
    if (top && holder.contains(top)) points.push({ x, y });
  }
  return points;
}

/**
 * Times what a pointer move costs through a lookup the card script would
 * make: its first lookup alone, then the same lookup again, at random points
 * over the mentions in view. A page whose mentions all sit below the fold is
 * scrolled to its first one. `coldLookupMs`: what a lookup not yet indexed
 * paid for its first (null: not timed).
 */
export function timeHoverLookups(
  lookup: HoverLookup,
  mentions: readonly PageMention[],
  lookups: number,
  coldLookupMs: number | null = null,
  seed = 7,
): HoverTiming {
  const probe = document.createRange();
  let targets = targetsInView(mentions, probe);
  if (targets.length === 0 && mentions.length > 0) {
    mentions[0]!.startNode.parentElement?.scrollIntoView({ block: 'center' });
    targets = targetsInView(mentions, probe);
  }
  const points = targets.length === 0 ? [] : pointsOver(targets, lookups, seed);
  if (points.length === 0) return { perLookupMs: null, firstLookupMs: null, coldLookupMs: null, lookups: 0, hits: 0 };
  const first = points[0]!;
  const t0 = performance.now();
  let hits = lookup.at(first.x, first.y) ? 1 : 0;
  const firstLookupMs = performance.now() - t0;
  const perLookup: number[] = [];
  for (let from = 0; from < points.length; from += BATCH) {
    const batch = points.slice(from, from + BATCH);
    const t1 = performance.now();
    for (const { x, y } of batch) if (lookup.at(x, y)) hits++;
    perLookup.push((performance.now() - t1) / batch.length);
  }
  return { perLookupMs: median(perLookup), firstLookupMs, coldLookupMs, lookups: points.length + 1, hits };
}


/**
 * Whether any mention lies within a screen of the viewport, the margin
 * page/viewport-window.ts paints within (MARGIN_SCREENS). On a page of more
 * than PAINT_ALL_MAX names with none there, Backstory paints nothing until the
 * reader scrolls: no first highlight is due.
 */
export function anyNearViewport(mentions: readonly PageMention[]): boolean {
  const probe = document.createRange();
  for (const mention of mentions) {
    if (!selectMention(probe, mention)) continue;
    for (const box of probe.getClientRects()) {
      if (box.width > 0 && box.bottom >= -innerHeight && box.top <= 2 * innerHeight) return true;
    }
  }
  return false;
}
