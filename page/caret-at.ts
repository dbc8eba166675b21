/**
 * The browser's caret under a viewport point, apart from the hit-test: the
 * annotator keeps a tap made before the card script came (early-tap.ts) by
 * it, and the hit-test comes only with the card script.
 */

export type CaretDocument = Document & {
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
  caretPositionFromPoint(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): CaretPosition | null;
};

/** Where the browser puts a caret for a viewport point: in the text nearest it, or beside an element. */
export function caretAt(x: number, y: number, doc: CaretDocument = document, shadowRoots: ShadowRoot[] = []): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    // Without the shadow roots named, the caret stops at their host.
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}
