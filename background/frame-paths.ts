import { browser } from 'wxt/browser';

/**
 * Where each of `frameIds` (a tab's frames naming the story) stands in the
 * page's tree of frames: the indices into `window.frames` from the top window
 * down to it (the top frame's is empty). Frame ids tell only the order frames
 * were made in; these tell which element of its parent each frame is, so the
 * parent can place its names where that element stands. Undefined when a frame
 * cannot be asked or cannot tell (gone meanwhile, a frame its parent does not list).
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
    if (Array.isArray(result) && result.length > 0 && result.every((index) => Number.isInteger(index) && index >= 0)) paths.set(frameId, result as number[]);
  }
  return embedded.every((frameId) => paths.has(frameId)) ? paths : undefined;
}

/**
 * Runs in a frame's content-script world, serialised: it uses nothing from
 * outside. A window may compare the windows of its parent's frames with itself
 * across origins, so nothing is posted, which the pages' own scripts would hear.
 * A frame in a shadow tree (a web component's), which its parent's `frames`
 * leaves out, is numbered after those, as page/frame-element.ts
 * framesInShadowTrees orders them (the two must stay alike); only a frame of
 * the page's origin can find its element there.
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
      if (!element) return null;
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
