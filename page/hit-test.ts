import type { PageMention } from './find-mentions';
import { selectMention } from './mention-range';

/** Mentions by caret position: the index, or the lookup that keeps one current. */
export interface CaretIndex {
  at(node: Node, offset: number): PageMention | undefined;
}

type CaretDocument = Document & {
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
  caretPositionFromPoint(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): CaretPosition | null;
};

/**
 * The mention under a viewport point, or undefined. The caret snaps to the nearest
 * character even beside the text, so each candidate is verified against its boxes.
 */
export function mentionAtPoint(
  index: CaretIndex,
  x: number,
  y: number,
  probe: Range,
  doc: CaretDocument = document,
  shadowRoots: ShadowRoot[] = [],
): PageMention | undefined {
  let node: Node | null = null;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === 'function') {
    // Without the shadow roots named, the caret stops at their host.
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots });
    node = position?.offsetNode ?? null;
    offset = position?.offset ?? 0;
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    node = range?.startContainer ?? null;
    offset = range?.startOffset ?? 0;
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return undefined;
  // A caret after a name's last letter sits at its end offset: look one back too.
  const mention = index.at(node, offset) ?? (offset > 0 ? index.at(node, offset - 1) : undefined);
  if (!mention) return undefined;
  if (!selectMention(probe, mention)) return undefined;
  for (const rect of probe.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return mention;
  }
  return undefined;
}
