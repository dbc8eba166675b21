import type { PageMention } from './find-mentions';
import { caretAt, type CaretDocument } from './caret-at';
import { selectMention } from './mention-range';
import { mentionUnderLayers, type NodeIndex } from './under-layers';

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
 * Only where that finds none are the elements under the point searched, for a
 * name under a transparent layer (under-layers.ts).
 */
export function mentionAtPoint(
  index: CaretIndex & NodeIndex,
  x: number,
  y: number,
  probe: Range,
  doc: CaretDocument = document,
  shadowRoots: ShadowRoot[] = [],
): PageMention | undefined {
  try {
    return mentionAt(index, x, y, probe, doc, shadowRoots);
  } finally {
    // Left on a node it measured, the probe would keep alive a web component the page removes since.
    probe.setStart(doc, 0);
    probe.collapse(true);
  }
}

function mentionAt(index: CaretIndex & NodeIndex, x: number, y: number, probe: Range, doc: CaretDocument, shadowRoots: ShadowRoot[]): PageMention | undefined {
  const caret = caretAt(x, y, doc, shadowRoots);
  const text = caret?.node.nodeType === Node.TEXT_NODE ? caret : undefined;
  const mention = text && mentionAtCaret((node, offset) => index.at(node, offset), text.node, text.offset);
  if (mention && selectMention(probe, mention)) {
    for (const rect of probe.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return mention;
    }
  }
  // The caret's own letters under the point, or the point in their element's box (a margin, a gap between lines): what
  // the browser hit is that text's own, with nothing laid over it. Most hovers that find no name end here, for a box or
  // two, not the second hit test the search below makes: a layer's caret lands outside it (the stretched link's own text).
  if (text && (underPoint(probe, text.node as Text, text.offset, x, y) || inBox(text.node.parentElement, x, y))) return undefined;
  return mentionUnderLayers(index, x, y, probe, doc, shadowRoots, text?.node);
}

/** Whether a letter beside `offset` in `node` is drawn under the point. */
function underPoint(probe: Range, node: Text, offset: number, x: number, y: number): boolean {
  const start = Math.max(0, Math.min(offset, node.length) - 1);
  const end = Math.min(node.length, start + 2);
  if (start >= end) return false;
  probe.setStart(node, start);
  probe.setEnd(node, end);
  for (const rect of probe.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

function inBox(element: Element | null, x: number, y: number): boolean {
  if (!element) return false;
  const rect = element.getBoundingClientRect();
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}
