import { browser } from 'wxt/browser';

/**
 * Where each of `frameIds` (a tab's frames naming the story) stands in the
 * page's tree of frames: its number in each frame from the top window down to
 * it (the top frame's path is empty), as framePathInFrame tells. Frame ids
 * tell only the order frames were made in; these tell which element of its
 * parent each frame is, so the parent can place its names where that element
 * stands. Undefined when a frame cannot be asked or cannot tell (gone
 * meanwhile, a frame whose parent's place cannot be told).
 */
export async function framePaths(tabId: number, frameIds: number[]): Promise<Map<number, number[]> | undefined> {
  const embedded = frameIds.filter((frameId) => frameId !== 0);
  const paths = new Map<number, number[]>(frameIds.includes(0) ? [[0, []]] : []);
  if (embedded.length === 0) return paths;
  let answers: { frameId: number; result?: unknown }[];
  try {
    answers = await browser.scripting.executeScript({
      target: { tabId, frameIds: embedded },
      func: framePathInFrame,
      // At once: a frame still loading (a live ticker) must not hold the shortcut.
      injectImmediately: true,
    });
  } catch {
    return undefined;
  }
  for (const { frameId, result } of answers) {
    const path = pathOf(frameId, result);
    if (path) paths.set(frameId, path);
  }
  return embedded.every((frameId) => paths.has(frameId)) ? paths : undefined;
}

/** Numbers no page reaches: the frame has no element its parent finds, and its names come after the parent's own, in the order frames were made. */
export const UNPLACED = 1_000_000;

/**
 * A frame's path from its answer (framePathInFrame), checked; the -1 of a
 * frame that cannot tell its own place in its parent made a number of its
 * own, which its parent finds no element for.
 */
export function pathOf(frameId: number, result: unknown): number[] | undefined {
  if (!Array.isArray(result) || result.length === 0) return undefined;
  const last = result.length - 1;
  if (!result.every((index, i) => Number.isInteger(index) && (index >= 0 || (i === last && index === -1)))) return undefined;
  return result[last] === -1 ? [...(result.slice(0, last) as number[]), UNPLACED + frameId] : (result as number[]);
}

/**
 * Runs in a frame's content-script world, serialised: it uses nothing from
 * outside. A window may compare the windows of its parent's frames with itself
 * across origins, so nothing is posted, which the pages' own scripts would hear.
 * A frame in a shadow tree (a web component's), which its parent's `frames`
 * leaves out, is numbered after those, as page/frame-element.ts
 * framesInShadowTrees orders them (the two must stay alike); only a frame of
 * the page's origin can find its element there. One of another origin tells
 * -1 for its own place (framePaths has it walked after its parent’s names), and
 * null for a frame whose ancestor is such a frame.
 */
export function framePathInFrame(): number[] | null {
  const path: number[] = [];
  for (let child: Window = window; child !== child.parent; child = child.parent) {
    const parent = child.parent;
    let index = 0;
    while (index < parent.length && parent[index] !== child) index++;
    if (index === parent.length) {
      let element: Element | null = null;
      try {
        element = child.frameElement;
      } catch {
        // A window of another origin than this frame's: its element cannot be seen from here.
      }
      if (!element) {
        if (child !== window) return null;
        path.unshift(-1);
        continue;
      }
      const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot(element: Element): ShadowRoot | null } } }).chrome?.dom;
      const shadowRootOf = (host: Element): ShadowRoot | null => {
        if (host.shadowRoot) return host.shadowRoot;
        if ('openOrClosedShadowRoot' in host) return (host as { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
        // Only an HTML element can hold one; Chromium throws on an SVG or MathML element.
        return dom && host.namespaceURI === 'http://www.w3.org/1999/xhtml' ? dom.openOrClosedShadowRoot(host) : null;
      };
      const document = element.ownerDocument;
      const found: Element[] = [];
      const look = (root: Document | ShadowRoot) => {
        for (const each of root.querySelectorAll('*')) {
          if (root !== document && /^(iframe|frame|object|embed)$/.test(each.localName)) found.push(each);
          const shadow = shadowRootOf(each);
          if (shadow) look(shadow);
        }
      };
      look(document);
      if (!found.includes(element)) return null;
      index = parent.length + found.indexOf(element);
    }
    path.unshift(index);
  }
  return path;
}
