import type { PageMention } from './find-mentions';
import { caretAt, type CaretDocument } from './caret-at';
import { selectMention } from './mention-range';

/** Mentions by caret position: the index, or the lookup that keeps one current. */
export interface CaretIndex {
  at(node: Node, offset: number): PageMention | undefined;
}

/** The mention a caret is in; a caret after a name's last letter sits at its end offset, so one back too. */
export function mentionAtCaret(at: CaretIndex['at'], node: Node, offset: number): PageMention | undefined {
  return at(node, offset) ?? (offset > 0 ? at(node, offset - 1) : undefined);
}

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
  const caret = caretAt(x, y, doc, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const mention = mentionAtCaret((node, offset) => index.at(node, offset), caret.node, caret.offset);
  if (!mention) return undefined;
  if (!selectMention(probe, mention)) return undefined;
  for (const rect of probe.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return mention;
  }
  return undefined;
}
