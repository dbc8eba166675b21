import type { PageMention } from '../page/find-mentions';
import { mentionAtPoint } from '../page/hit-test';
import type { MentionIndex } from '../page/mention-index';
import type { HoverTiming } from './bench-api';
import { median } from './stats';
import { createRandom } from './prng';

/** performance.now() is coarsened to 100 µs outside cross-origin isolation: single lookups are timed in batches. */
const BATCH = 100;

function boxesInView(mentions: readonly PageMention[], probe: Range): DOMRect[] {
  const boxes: DOMRect[] = [];
  for (const mention of mentions) {
    probe.setStart(mention.startNode, mention.startOffset);
    probe.setEnd(mention.endNode, mention.endOffset);
    for (const box of probe.getClientRects()) {
      if (box.width > 2 && box.height > 2 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth) boxes.push(box);
    }
  }
  return boxes;
}

/**
 * Times what a pointer move costs: mentionAtPoint at random points over the
 * mentions in view. A page whose mentions all sit below the fold is scrolled
 * to its first one.
 */
export function timeHoverLookups(index: MentionIndex, mentions: readonly PageMention[], lookups: number, seed = 7): HoverTiming {
  const probe = document.createRange();
  let boxes = boxesInView(mentions, probe);
  if (boxes.length === 0 && mentions.length > 0) {
    mentions[0]!.startNode.parentElement?.scrollIntoView({ block: 'center' });
    boxes = boxesInView(mentions, probe);
  }
  if (boxes.length === 0) return { perLookupMs: null, lookups: 0, hits: 0 };
  const random = createRandom(seed);
  const points = Array.from({ length: lookups }, () => {
    const box = random.pick(boxes);
    return { x: box.left + 1 + random.next() * (box.width - 2), y: box.top + 1 + random.next() * (box.height - 2) };
  });
  const perLookup: number[] = [];
  let hits = 0;
  for (let from = 0; from < points.length; from += BATCH) {
    const batch = points.slice(from, from + BATCH);
    const t0 = performance.now();
    for (const { x, y } of batch) if (mentionAtPoint(index, x, y, probe)) hits++;
    perLookup.push((performance.now() - t0) / batch.length);
  }
  return { perLookupMs: median(perLookup), lookups: points.length, hits };
}
