import { drawnParent } from './drawn-parent';

/** A box in viewport coordinates, by its edges. */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The clips one element passes on: to its own content, and to what is absolutely positioned in it. */
interface Clips {
  flow: Edges;
  positioned: Edges;
}

const UNCLIPPED: Edges = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
/** Elements climbed from one text's element before the rest is taken as unclipped: a page nested without end must not hang a frame. */
const MAX_CLIMB = 256;
/** A box narrower or lower than this, once clipped, shows no text: the one-pixel box of text kept for screen readers alone. */
const LEAST_DRAWN = 2;

/**
 * The part of the viewport the text of an element shows through: inside every
 * box around it that clips what overflows (a panel with its own scroll bar, a
 * teaser cut at three lines, the one-pixel box of text kept for screen
 * readers alone, a `clip: rect()`), or none where the element is not drawn
 * (`visibility: hidden`, a closed `<details>`). Climbs through the slot a
 * light child is drawn in, and out of shadow roots; what is positioned
 * escapes the clips of boxes that do not contain it. Made for one placing of
 * the marks: each element's style is read once, and it is thrown away after,
 * as the page scrolls and changes.
 */
export class DrawnParts {
  private readonly clips = new Map<Element, Clips>();
  private readonly shown = new Map<Element, boolean>();

  /** Where `rect`, a box of text in `element`, shows, or null where none of it does. */
  clip(element: Element, rect: DOMRect): Edges | null {
    let shown = this.shown.get(element);
    if (shown === undefined) this.shown.set(element, (shown = boxed(element).checkVisibility({ visibilityProperty: true })));
    if (!shown) return null;
    const view = this.clipsOf(element).flow;
    const part = {
      left: Math.max(rect.left, view.left),
      top: Math.max(rect.top, view.top),
      right: Math.min(rect.right, view.right),
      bottom: Math.min(rect.bottom, view.bottom),
    };
    return part.right - part.left < LEAST_DRAWN || part.bottom - part.top < LEAST_DRAWN ? null : part;
  }

  private clipsOf(element: Element): Clips {
    const known = this.clips.get(element);
    if (known) return known;
    // Climbed without recursion, the outermost reached first: a deep page must not exhaust the stack.
    const chain: Element[] = [];
    let from: Clips = { flow: UNCLIPPED, positioned: UNCLIPPED };
    const doc = element.ownerDocument;
    for (let at: Element | null = element; at && chain.length < MAX_CLIMB; at = drawnParent(at)) {
      const cached = this.clips.get(at);
      if (cached) {
        from = cached;
        break;
      }
      // The page's own scrolling is the viewport's, which the layer of marks is cut to already.
      if (at === doc.body || at === doc.documentElement) break;
      chain.push(at);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      from = clipsIn(chain[i]!, from);
      this.clips.set(chain[i]!, from);
    }
    return from;
  }
}

/**
 * The element or, where it makes no box of its own (`display: contents`: a slot, by default), the nearest one around
 * it that does: `checkVisibility()` calls every element without a box hidden (csswg-drafts#9478).
 */
function boxed(element: Element): Element {
  let at = element;
  for (let climbed = 0; climbed < MAX_CLIMB && getComputedStyle(at).display === 'contents'; climbed++) {
    const parent = drawnParent(at);
    if (!parent) break;
    at = parent;
  }
  return at;
}

function clipsIn(element: Element, around: Clips): Clips {
  const style = getComputedStyle(element);
  const position = style.position;
  // A fixed box is cut by none of the boxes around it (short of a transform, rare round text); an absolute one only by those it is placed in.
  const reaching = position === 'fixed' ? UNCLIPPED : position === 'absolute' ? around.positioned : around.flow;
  let flow = reaching;
  // Overflow cuts nothing of an inline box, whose client size is none.
  const boxed = style.display !== 'inline' && style.display !== 'contents';
  if (boxed && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) flow = meet(flow, paddingBox(element, style.overflowX !== 'visible', style.overflowY !== 'visible'));
  if (style.clip !== 'auto' && (position === 'absolute' || position === 'fixed')) flow = meet(flow, clipRect(element, style.clip));
  const placesOwn = position !== 'static' || style.transform !== 'none';
  return { flow, positioned: placesOwn ? flow : around.positioned };
}

/** The box inside the borders and scroll bars, on the axes that clip. */
function paddingBox(element: Element, x: boolean, y: boolean): Edges {
  const rect = element.getBoundingClientRect();
  const left = rect.left + element.clientLeft;
  const top = rect.top + element.clientTop;
  return {
    left: x ? left : -Infinity,
    right: x ? left + element.clientWidth : Infinity,
    top: y ? top : -Infinity,
    bottom: y ? top + element.clientHeight : Infinity,
  };
}

/** `clip: rect(top, right, bottom, left)`, in pixels from the border box's corner; `auto` an edge of it. What cannot be read clips all. */
function clipRect(element: Element, clip: string): Edges {
  const rect = element.getBoundingClientRect();
  const edges = /^rect\((.*)\)$/.exec(clip)?.[1]?.split(/[\s,]+/);
  if (edges?.length !== 4) return { left: 0, top: 0, right: 0, bottom: 0 };
  const [top, right, bottom, left] = edges.map((edge) => (edge === 'auto' ? undefined : parseFloat(edge)));
  if ([top, right, bottom, left].some((edge) => Number.isNaN(edge))) return { left: 0, top: 0, right: 0, bottom: 0 };
  return {
    left: rect.left + (left ?? 0),
    top: rect.top + (top ?? 0),
    right: right === undefined ? rect.right : rect.left + right,
    bottom: bottom === undefined ? rect.bottom : rect.top + bottom,
  };
}

function meet(a: Edges, b: Edges): Edges {
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}
