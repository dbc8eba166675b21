import { isOwnHost } from './own-hosts';
import type { ViewBox } from './scroll-clip';

/**
 * Whether a part of the page that stays put as it scrolls (a sticky header, a
 * fixed cookie bar) is drawn over the middle of a name's box: the page scrolled
 * the name under it, and the reader sees that instead. Only those: a
 * transparent layer over a teaser (a link stretched over its whole box) hides nothing.
 */
export function underStickyCover(element: Element, box: ViewBox): boolean {
  // The name's own tree answers for a shadow root's content, which the document sees as the host.
  const root = element.getRootNode() as Document | ShadowRoot;
  if (typeof root.elementFromPoint !== 'function') return false;
  const hit = root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  if (!hit || isOwnHost(hit) || hit === element || element.contains(hit) || hit.contains(element)) return false;
  for (let at: Element | null = hit; at; at = at.parentElement) {
    // A name inside the same sticky part moves with it, and is never under it.
    if (at.contains(element)) return false;
    const position = getComputedStyle(at).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}
