import type { Painter } from '../page/painter';

/** A painter that paints nothing: for an annotator that reads a page only to compare what it finds, or where nothing can paint. */
export const unpainted = (): Painter => ({
  setMentions() {},
  extend() {},
  update() {},
  setHovered() {},
  addShadowRoot() {},
  paintedCount: 0,
  destroy() {},
});
