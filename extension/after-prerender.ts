/**
 * Resolves once the document is one the reader sees: at once (undefined),
 * unless the browser is prerendering it. Chrome loads a page the reader is
 * likely to open next (a site typed in the address bar, a search result, a
 * page's speculation rules) and runs content scripts in it, hidden, while the
 * tab still shows the page before. A message sent from it then reaches the
 * background with a frame id that is no frame of that tab
 * (w3c/webextensions#396) and with the tab of the page before: its names
 * counted on the badge of a page that names nothing, and were dropped once the
 * page showed, leaving the badge and the popup empty on a page with its names
 * highlighted. What the page does by itself goes on meanwhile; the highlights
 * are registered around the viewport on a frame, which a hidden page does not
 * draw, so they come in its first frames once shown.
 */
export function afterPrerender(doc: Document | undefined = globalThis.document): Promise<void> | undefined {
  if (!(doc as PrerenderingDocument | undefined)?.prerendering) return undefined;
  let shown = waiting.get(doc!);
  if (!shown) {
    shown = new Promise((done) => doc!.addEventListener('prerenderingchange', () => done(), { once: true }));
    waiting.set(doc!, shown);
  }
  return shown;
}

/** Not yet in TypeScript's DOM types (the Speculation Rules API's). */
type PrerenderingDocument = Document & { prerendering?: boolean };

const waiting = new WeakMap<Document, Promise<void>>();
