import type { Page } from '@playwright/test';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  /** A same-process frame's document (a srcdoc frame, say). */
  contentDocument?: CdpNode;
}

/**
 * The card lives in a closed shadow root, which Playwright locators cannot enter
 * (by design: neither can the page). The DevTools protocol pierces it.
 */
async function documentTree(page: Page): Promise<CdpNode> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    return root;
  } finally {
    await cdp.detach();
  }
}

/** Set on our card's host, which is a page's own element of the same name is not (page/card-bridge.ts). */
const CARD_HOST_ATTRIBUTE = 'data-backstory-card';

/** Whether `node` is a host named `localName`: for the card, ours alone. */
function isHost(node: CdpNode, localName: string): boolean {
  if (localName !== 'backstory-card') return node.localName === localName;
  const attributes = node.attributes ?? [];
  // Names and values alternate.
  return attributes.some((name, i) => i % 2 === 0 && name === CARD_HOST_ATTRIBUTE);
}

function findHost(node: CdpNode, localName: string): CdpNode | undefined {
  return findHosts(node, localName)[0];
}

/** Every host named `localName`, in document order, frames' documents included. */
function findHosts(node: CdpNode, localName: string, out: CdpNode[] = []): CdpNode[] {
  if (isHost(node, localName)) out.push(node);
  // Frames too: a name only an embedded frame shows has its card there.
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    findHosts(child, localName, out);
  }
  return out;
}

function visibleText(node: CdpNode, out: string[]): void {
  if (node.nodeType === 3 && node.nodeValue) out.push(node.nodeValue);
  if (node.localName === 'style' || node.localName === 'script') return;
  // Hidden parts (a collapsed quote) are not what the reader sees.
  if (node.attributes?.includes('hidden')) return;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visibleText(child, out);
}

/** Text a reader sees in our UI under the host element `localName`, or null if it is not mounted. */
export async function shadowUiText(page: Page, localName = 'backstory-card'): Promise<string | null> {
  const texts = await shadowUiTexts(page, localName);
  // Each frame with mentions has a host of its own: the open card is in one of them.
  return texts.length === 0 ? null : (texts.find((text) => text !== '') ?? '');
}

/** The text under every host element `localName`, the page's and its frames', in document order. */
export async function shadowUiTexts(page: Page, localName = 'backstory-card'): Promise<string[]> {
  return findHosts(await documentTree(page), localName).map((host) => {
    const out: string[] = [];
    visibleText(host, out);
    return out.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/** The title of the open card (its entity's name), in the page or an embedded frame; null when no card shows one. */
export async function shadowUiCardTitle(page: Page): Promise<string | null> {
  for (const host of findHosts(await documentTree(page), 'backstory-card')) {
    const title = findByClass(host, 'card-title');
    if (!title) continue;
    const out: string[] = [];
    visibleText(title, out);
    return out.join('').trim();
  }
  return null;
}

/** `frames`: in embedded frames' documents too. */
function findByClass(node: CdpNode, className: string, frames = false): CdpNode | undefined {
  const attrs = node.attributes ?? [];
  const at = attrs.indexOf('class');
  if (at >= 0 && attrs[at + 1]!.split(/\s+/).includes(className)) return node;
  const inFrame = frames && node.contentDocument ? [node.contentDocument] : [];
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...inFrame]) {
    const found = findByClass(child, className, frames);
    if (found) return found;
  }
  return undefined;
}

/**
 * The viewport box of the first element with `className` in our UI, or null when none is rendered; `frames`, in the
 * page's embedded frames too (a frame of the page's own origin, whose boxes the browser gives in the window's terms).
 */
export async function shadowUiBox(page: Page, className = 'card-frame', { frames = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const node = findByClass(root, className, frames);
    if (!node) return null;
    // The card may close between the two calls: an element without a box is not rendered either.
    const boxed = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId }).catch((error: Error) => {
      if (/Could not compute box model/.test(error.message)) return null;
      throw error;
    })) as { model: { border: number[] } } | null;
    if (!boxed) return null;
    const [x1, y1, , , x3, y3] = boxed.model.border as [number, number, number, number, number, number];
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs `fn` on the first element with `className` in our UI (its `this`), as the page could not: the root is closed.
 * Returns what it returns, as JSON.
 */
export async function shadowUiCall<T>(page: Page, className: string, fn: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const node = findByClass(root, className);
    if (!node) throw new Error(`no .${className} in our UI`);
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, returnByValue: true })) as {
      result: { value: T };
    };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** A computed style property of the first element with `className` in our UI, or null when none is rendered. */
export async function shadowUiStyle(page: Page, className: string, property: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const node = findByClass(root, className);
    if (!node) return null;
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId })) as {
      computedStyle: { name: string; value: string }[];
    };
    return computedStyle.find((entry) => entry.name === property)?.value ?? null;
  } finally {
    await cdp.detach();
  }
}

/** A node of Chromium's accessibility tree, as a screen reader is given it. */
export interface AxNode {
  nodeId: string;
  parentId?: string;
  childIds?: string[];
  ignored?: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
}

/** The page's whole accessibility tree, closed shadow roots included (a popup page too). */
export async function accessibilityNodes(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes;
  } finally {
    await cdp.detach();
  }
}

/** Name and role of the element that has keyboard focus, seen through the accessibility tree. */
export async function focusedElement(page: Page): Promise<{ role: string; name: string } | null> {
  const nodes = await accessibilityNodes(page);
  // The document itself reports focus too: the focused element is the innermost one.
  const focused = nodes.findLast((n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
  return focused ? { role: focused.role?.value ?? '', name: focused.name?.value ?? '' } : null;
}

/**
 * Copies the card's shadow tree (markup and styles) into an open shadow root of a
 * test host, where axe can reach it: a closed root is closed to axe too.
 */
export async function cloneCardForAxe(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findHost(root, 'backstory-card');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) throw new Error('the card is not mounted');
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as {
      object: { objectId: string };
    };
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        const host = document.createElement('div');
        host.id = 'card-clone-for-axe';
        document.documentElement.append(host);
        host.attachShadow({ mode: 'open' }).innerHTML = this.innerHTML;
      }`,
    });
    return '#card-clone-for-axe';
  } finally {
    await cdp.detach();
  }
}

function findButton(node: CdpNode, text: string): CdpNode | undefined {
  if (node.localName === 'button') {
    const out: string[] = [];
    visibleText(node, out);
    if (out.join('').trim() === text) return node;
  }
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findButton(child, text);
    if (found) return found;
  }
  return undefined;
}

/** Clicks the button labelled `text` in our UI, as a reader's pointer would. */
export async function clickShadowUiButton(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let center: { x: number; y: number };
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const node = findButton(root, text);
    if (!node) throw new Error(`no button "${text}" in our UI`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as {
      model: { border: number[] };
    };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    center = { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  } finally {
    await cdp.detach();
  }
  await page.mouse.move(center.x, center.y, { steps: 3 });
  await page.mouse.click(center.x, center.y);
}
