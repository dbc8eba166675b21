import { browser } from 'wxt/browser';

type ClosedRootApi = { dom?: { openOrClosedShadowRoot(element: HTMLElement): ShadowRoot | null } };

const HTML = 'http://www.w3.org/1999/xhtml';

/**
 * An element's shadow root, open or closed: a web component may hold an
 * embedded frame in a closed one. Only the extension's world can open it
 * (Chromium's `dom` API, Firefox's `openOrClosedShadowRoot`, which content
 * scripts alone have); the page's scripts are told nothing.
 */
export function anyShadowRoot(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  if ('openOrClosedShadowRoot' in element) return (element as { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
  const dom = (browser as ClosedRootApi).dom;
  // Only an HTML element can hold one; Chromium throws on an SVG or MathML element.
  return dom && element.namespaceURI === HTML ? dom.openOrClosedShadowRoot(element as HTMLElement) : null;
}
