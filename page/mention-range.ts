import type { PageMention } from './find-mentions';

/**
 * Sets `range` to `mention`, or collapses it to the start of the mention's
 * document (no boxes, an empty box at 0,0) when the page has shortened a text
 * node of it since it was found: its offsets would throw (IndexSizeError).
 * Such a mention is stale until the page's change is rescanned; measured,
 * hovered or painted meanwhile, it is one with no box, and never an exception
 * in a handler of ours.
 */
export function selectMention(range: Range, mention: PageMention): boolean {
  const { startNode, startOffset, endNode, endOffset } = mention;
  if (startOffset <= startNode.length && endOffset <= endNode.length) {
    try {
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      return true;
    } catch {
      // A node the page moved under a doctype, say: not a place a range can stand.
    }
  }
  const doc = startNode.ownerDocument;
  range.setStart(doc, 0);
  range.collapse(true);
  return false;
}

/**
 * Moves a range kept for measuring off the last node it measured: a range
 * holds its nodes, and through them the whole tree they stand in, which the
 * page may have taken out since (a single-page app's previous view, a web
 * component's shadow root) and would never see collected.
 */
export function releaseRange(range: Range, doc: Document): void {
  range.setStart(doc, 0);
  range.collapse(true);
}
