import { anyShadowRoot } from './any-shadow-root';
import { composedPosition } from './composed-order';
import { framesInShadowTrees } from './frame-element';
import type { PageMention } from './find-mentions';
import type { CaretIndex } from './hit-test';
import { firstFrom, type ReaderPlace } from './reader-place';
import { readerCanSee } from './reader-can-see';
import type { ViewPlace } from './reveal';

/** An embedded frame the keyboard walk stops at (its names come where it stands), by its number here (frameStops). */
export interface FrameStop {
  frame: number;
  /** Its element in this document; undefined when not found (an embed whose frame cannot be told), and then it comes after the page's own names. */
  element: Element | undefined;
}

export type WalkEntry = PageMention | FrameStop;

export const isStop = (entry: WalkEntry): entry is FrameStop => 'frame' in entry;

// Node.DOCUMENT_POSITION_*, without relying on the Node global.
const FOLLOWING = 4;
const CONTAINED_BY = 16;

/**
 * The elements of the frames `indices` name: below `window.length`, a frame
 * `window.frames` lists, told by its window, which a page can compare across
 * origins (frames[i] === element.contentWindow); from there on, one of the
 * frames of shadow trees, which it leaves out, in their reading order. Nothing
 * is posted to the frames, which the page's own scripts would hear.
 */
export function frameStops(indices: readonly number[]): FrameStop[] {
  const elements = listedFrameElements();
  if (indices.some((frame) => frame >= window.length)) {
    framesInShadowTrees(document, anyShadowRoot).forEach((element, k) => elements.set(window.length + k, element));
  }
  return indices.map((frame) => ({ frame, element: elements.get(frame) }));
}

/** The elements of the frames `window.frames` lists (those of the document's own tree, in its order), by index. */
function listedFrameElements(): Map<number, Element> {
  const indexOf = new Map<unknown, number>();
  for (let i = 0; i < window.length; i++) indexOf.set(window.frames[i], i);
  const iframes = listedIframes(indexOf);
  if (iframes) return iframes;
  const elements = [...document.querySelectorAll('iframe, frame, object, embed')];
  const indices = listedIndices(
    elements.map((element) => (element.localName === 'embed' ? 'embed' : indexOf.get((element as HTMLIFrameElement).contentWindow))),
    window.length,
  );
  const byIndex = new Map<number, Element>();
  indices.forEach((index, i) => index !== undefined && byIndex.set(index, elements[i]!));
  return byIndex;
}

/**
 * The elements of the listed frames where the page's iframes hold them all,
 * in order (most pages embed nothing else); null where they do not. No other
 * element can then hold a listed frame, nor an embed be told one. Asked of
 * the page's iframes, a collection the browser keeps until the page adds or
 * takes out elements: the query for all four kinds of frame element matched
 * every element of the page at each press of the shortcut.
 */
function listedIframes(indexOf: ReadonlyMap<unknown, number>): Map<number, Element> | null {
  const byIndex = new Map<number, Element>();
  for (const iframe of document.getElementsByTagName('iframe')) {
    const index = indexOf.get(iframe.contentWindow);
    if (index === undefined) continue;
    if (index !== byIndex.size) return null;
    byIndex.set(index, iframe);
  }
  return byIndex.size === indexOf.size ? byIndex : null;
}

/**
 * Which of `listed` frames each frame element holds, the elements in the
 * document's order, each given as its window's index, undefined when it holds
 * none (an object showing an image), or 'embed': an embed does not give its
 * window. The frames are listed in the elements' order, so the frames between
 * two told ones are the embeds' between them, when there are as many; where
 * there are not (an embed showing no document), those embeds stay untold.
 */
export function listedIndices(elements: readonly (number | 'embed' | undefined)[], listed: number): (number | undefined)[] {
  const indices: (number | undefined)[] = elements.map((element) => (element === 'embed' ? undefined : element));
  let embeds: number[] = [];
  let last = -1;
  const between = (next: number) => {
    if (embeds.length === next - last - 1) embeds.forEach((element, k) => (indices[element] = last + 1 + k));
    embeds = [];
  };
  elements.forEach((element, i) => {
    if (element === 'embed') embeds.push(i);
    else if (element !== undefined && element > last) {
      between(element);
      last = element;
    }
  });
  between(listed);
  return indices;
}

/**
 * The page's shown mentions with the frame stops where their elements stand,
 * in reading order; stops whose element was not found last.
 */
export function withStops(shown: readonly PageMention[], stops: readonly FrameStop[], index: CaretIndex): WalkEntry[] {
  const placed = stops.map((stop) => ({ stop, at: stop.element ? firstFrom(shown, { node: stop.element, offset: 0 }, index) : shown.length + 1 }));
  placed.sort((a, b) => a.at - b.at || order(a.stop, b.stop));
  const walk: WalkEntry[] = [];
  let next = 0;
  for (const { stop, at } of placed) {
    while (next < Math.min(at, shown.length)) walk.push(shown[next++]!);
    walk.push(stop);
  }
  while (next < shown.length) walk.push(shown[next++]!);
  return walk;
}

/** The last entry of `walk` before `place`: the walk goes on after it. */
export function entryBefore(walk: readonly WalkEntry[], place: ReaderPlace, index: CaretIndex): WalkEntry | undefined {
  const mentions = walk.filter((entry): entry is PageMention => !isStop(entry));
  const first = mentions[firstFrom(mentions, place, index)];
  let before: WalkEntry | undefined;
  for (const entry of walk) {
    if (entry === first || (isStop(entry) && (!entry.element || stopFrom(entry.element, place)))) break;
    before = entry;
  }
  return before;
}

/** Where the reader sees a frame: any part of it on screen is in view, as its own walk brings its names in. */
export function stopPlace(stop: FrameStop): ViewPlace {
  if (!stop.element) return 'below';
  const box = stop.element.getBoundingClientRect();
  if (box.top >= innerHeight) return 'below';
  return box.bottom > 0 && box.top < innerHeight ? 'in' : 'elsewhere';
}

/** Whether a frame can show names: a box, and nothing above it hiding it (readerCanSee). */
export function stopShown(stop: FrameStop): boolean {
  const element = stop.element;
  if (!element) return true;
  const box = element.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return false;
  return readerCanSee(element, box);
}

function stopFrom(element: Element, place: ReaderPlace): boolean {
  if (element === place.node) return true;
  const position = composedPosition(place.node, element);
  if (position & CONTAINED_BY) return !place.end;
  return (position & FOLLOWING) !== 0;
}

function order(a: FrameStop, b: FrameStop): number {
  if (!a.element || !b.element) return a.frame - b.frame;
  return composedPosition(a.element, b.element) & FOLLOWING ? -1 : 1;
}
