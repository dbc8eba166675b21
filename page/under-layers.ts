import type { PageMention } from './find-mentions';
import { selectMention } from './mention-range';
import { isOwnHost } from './own-hosts';

/** Mentions by text node, in the order they stand there. */
export interface NodeIndex {
  inNode(node: Node): readonly PageMention[] | undefined;
}

/** Elements under the point looked at, hosts opened included: the layer, the text's own element, a few around it. */
const MAX_ELEMENTS = 5;
/** Children of each looked at: a paragraph's text nodes are among its first, and a flat log must not be walked. */
const MAX_CHILDREN = 128;
/** Boxes measured in all: this runs on every hover over text that is no name, which must stay well under a millisecond. */
const MAX_MEASURED = 32;
/** Up to this many mentions in a text node, each is measured; more (a log's) are halved by where they stand. */
const MEASURE_EACH = 8;
const HTML = 'http://www.w3.org/1999/xhtml';
/** Elements that draw content of their own over what is under them, whatever their background. */
const DRAWN = new Set(['img', 'video', 'canvas', 'iframe', 'embed', 'object', 'picture', 'input', 'textarea', 'select', 'button']);

/**
 * The mention drawn under a viewport point beneath a layer that lets it show:
 * a teaser's link stretched over its whole box (`a::after { position:
 * absolute; inset: 0 }`), an empty positioned block laid over text. The caret
 * the browser gives for the point lands in the layer or the link's own text
 * (`skip`, already looked at), never in the text under it. Only the few
 * elements under the point are searched, and only their own text nodes; a
 * layer that draws anything (a background, an image, a fixed or sticky bar)
 * hides the name, and nothing is found.
 */
export function mentionUnderLayers(
  index: NodeIndex,
  x: number,
  y: number,
  probe: Range,
  doc: Document,
  shadowRoots: readonly ShadowRoot[],
  skip: Node | undefined,
): PageMention | undefined {
  if (typeof doc.elementsFromPoint !== 'function') return undefined;
  const above: Element[] = [];
  const seen = new Set<Element>();
  const budget = { elements: MAX_ELEMENTS, measured: MAX_MEASURED };
  const search = (elements: readonly Element[]): PageMention | null | undefined => {
    for (const element of elements) {
      if (seen.has(element)) continue;
      if (--budget.elements < 0) return null;
      seen.add(element);
      // Our card over the page: the pointer is on the card, not on what it covers.
      if (isOwnHost(element)) return null;
      // The document sees a shadow root's content as its host; the root itself tells what lies under the point in it.
      const root = element.shadowRoot;
      if (root && shadowRoots.includes(root)) {
        const inside = search(root.elementsFromPoint(x, y));
        if (inside !== undefined) return inside;
      }
      const mention = mentionInChildren(element, index, x, y, probe, skip, budget);
      if (mention) return layersShow(above, element) ? mention : null;
      if (budget.measured <= 0) return null;
      above.push(element);
    }
    return undefined;
  };
  return search(doc.elementsFromPoint(x, y)) ?? undefined;
}

function mentionInChildren(
  element: Element,
  index: NodeIndex,
  x: number,
  y: number,
  probe: Range,
  skip: Node | undefined,
  budget: { measured: number },
): PageMention | undefined {
  let child = element.firstChild;
  for (let n = 0; child && n < MAX_CHILDREN; child = child.nextSibling, n++) {
    if (child === skip || child.nodeType !== Node.TEXT_NODE) continue;
    const mentions = index.inNode(child);
    if (!mentions) continue;
    if (--budget.measured < 0) return undefined;
    probe.selectNodeContents(child);
    if (!contains(probe.getBoundingClientRect(), x, y)) continue;
    const mention = mentionInNode(mentions, x, y, probe, budget);
    if (mention) return mention;
  }
  return undefined;
}

function mentionInNode(mentions: readonly PageMention[], x: number, y: number, probe: Range, budget: { measured: number }): PageMention | undefined {
  if (mentions.length <= MEASURE_EACH) {
    for (const mention of mentions) {
      if (--budget.measured < 0) return undefined;
      if (sideOf(mention, x, y, probe) === 0) return mention;
    }
    return undefined;
  }
  // Text runs line by line, each line in reading order: a point before a mention's first box is before the mention.
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    if (--budget.measured < 0) return undefined;
    const mid = (lo + hi) >> 1;
    const side = sideOf(mentions[mid]!, x, y, probe);
    if (side === 0) return mentions[mid];
    if (Number.isNaN(side)) return undefined;
    if (side < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return undefined;
}

/** The point in one of the mention's boxes (0), before its first line or left of it on that line (-1), after it (1), or NaN without boxes. */
function sideOf(mention: PageMention, x: number, y: number, probe: Range): number {
  if (!selectMention(probe, mention)) return NaN;
  const rects = probe.getClientRects();
  for (const rect of rects) if (contains(rect, x, y)) return 0;
  const first = rects[0];
  if (!first) return NaN;
  return y < first.top || (y <= first.bottom && x < first.left) ? -1 : 1;
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/** Whether every element drawn over `target` at the point lets it show through; its own ancestors are drawn under it. */
function layersShow(above: readonly Element[], target: Element): boolean {
  return above.every((layer) => holds(layer, target) || seeThrough(layer));
}

function holds(layer: Element, target: Element): boolean {
  for (let node: Node | null = target; node; node = node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null) {
    if (node === layer) return true;
  }
  return false;
}

function seeThrough(layer: Element): boolean {
  if (layer.namespaceURI !== HTML || DRAWN.has(layer.localName)) return false;
  const style = getComputedStyle(layer);
  if (style.opacity === '0') return true;
  // Furniture that stays put as the page scrolls: sticky-cover.ts has a name under it hidden, whatever it looks like.
  if (style.position === 'fixed' || style.position === 'sticky') return false;
  // The link's stretched ::after is what the point hits, and is drawn as the link's own box.
  return clear(style) && clear(getComputedStyle(layer, '::before')) && clear(getComputedStyle(layer, '::after'));
}

function clear(style: CSSStyleDeclaration): boolean {
  const filter = style.backdropFilter;
  return style.backgroundImage === 'none' && transparent(style.backgroundColor) && (!filter || filter === 'none');
}

/** A computed colour with no alpha: `rgba(…, 0)`, or a colour function's `/ 0`. An opaque one is `rgb(…)`. */
function transparent(color: string): boolean {
  return color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color) || /\/\s*0\)$/.test(color);
}
