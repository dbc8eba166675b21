/** Once the page's HTML is parsed: what there is to read is all there. */
export function whenParsed(doc: Document, callback: () => void): void {
  if (doc.readyState !== 'loading') callback();
  else doc.addEventListener('DOMContentLoaded', callback, { once: true });
}

/**
 * In idle time once the page has loaded (at the latest `timeout` ms after):
 * the scripts it loads have run, and the custom elements they define have their shadow roots.
 */
export function whenLoaded(doc: Document, callback: () => void, timeout: number): void {
  const view = doc.defaultView;
  if (!view) return;
  const later = () => view.requestIdleCallback(callback, { timeout });
  if (doc.readyState === 'complete') later();
  else view.addEventListener('load', later, { once: true });
}
