/** Where an item is drawn, as getBoundingClientRect tells it. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Keys that move within a set of items laid out in rows, and what each does. */
export const MOVE_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;
export type MoveKey = (typeof MOVE_KEYS)[number];

export const isMoveKey = (key: string): key is MoveKey => (MOVE_KEYS as readonly string[]).includes(key);

// Subpixel layout: boxes of one row may differ by a fraction of a pixel.
const SLACK = 1;

/**
 * The item a key moves to from `from`, among `boxes` in reading order; undefined
 * when there is none that way (no wrapping: the edge is where the reader stops).
 * Left and Right go back and on in reading order, which in a grid that fills row
 * by row is the neighbour in the row, then the next row's first. Up and Down go
 * to the nearest row above or below as drawn, not by the order of the items: a
 * grid of two columns, one column when the text is large, and the gaps between
 * groups all come out of the boxes alone.
 */
export function moveInLayout(boxes: readonly Box[], from: number, key: MoveKey, rtl = false): number | undefined {
  const last = boxes.length - 1;
  const current = boxes[from];
  if (!current) return undefined;
  const step = (by: number) => (from + by >= 0 && from + by <= last ? from + by : undefined);
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'ArrowRight':
      return step(rtl ? -1 : 1);
    case 'ArrowLeft':
      return step(rtl ? 1 : -1);
    case 'ArrowDown':
      return nearestInRow(boxes, current, (box) => box.top >= current.bottom - SLACK, 'down');
    case 'ArrowUp':
      return nearestInRow(boxes, current, (box) => box.bottom <= current.top + SLACK, 'up');
  }
}

/**
 * Of the boxes on the side `beyond` picks, those of the nearest row (the ones
 * overlapping the nearest box vertically: an item of two lines shares its row
 * with one of one line), the one whose centre is horizontally closest.
 */
function nearestInRow(boxes: readonly Box[], current: Box, beyond: (box: Box) => boolean, way: 'up' | 'down'): number | undefined {
  const candidates = boxes.map((box, index) => ({ box, index })).filter(({ box }) => box !== current && beyond(box));
  if (candidates.length === 0) return undefined;
  const nearest = candidates.reduce((best, next) => (way === 'down' ? next.box.top < best.box.top : next.box.bottom > best.box.bottom) ? next : best);
  const row = candidates.filter(({ box }) => (way === 'down' ? box.top < nearest.box.bottom - SLACK : box.bottom > nearest.box.top + SLACK));
  const centre = (box: Box) => (box.left + box.right) / 2;
  const closest = row.reduce((best, next) => (Math.abs(centre(next.box) - centre(current)) < Math.abs(centre(best.box) - centre(current)) ? next : best));
  return closest.index;
}
