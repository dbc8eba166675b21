/**
 * Tells, cheaply and conservatively, whether a page (or part of one) may
 * mention the story, from the screen compiled into the script (core/matcher/screen.ts).
 *
 * 1. The root's text is read in a few native calls, without the inline
 *    scripts and styles no reader sees (read-text.ts), and searched for the
 *    first words of the story's names, then for the names themselves. Most
 *    pages stop at one of these two.
 * 2. Where a name is, the text node it is in is found (a walk reading only
 *    lengths). A name that runs across text nodes lets the page through; one
 *    inside a script, a form field, hidden content or our own UI does not; one
 *    in a single text node passes if, in that node, it sits on word boundaries
 *    and outside an exclusion phrase ("The Washington Post"). Reading the
 *    node, not the page, is what keeps this cheap: the whole text runs blocks
 *    together, so a boundary there proves nothing.
 *
 * Open shadow roots are screened too, those of custom elements (names with a
 * hyphen): finding hosts among all elements would cost more than the rest.
 */
import type { ScreenSource } from '../core/matcher/screen';
import { createTextScreen, type TextScreen } from '../core/matcher/screen-text';
import { readText, textNodesOf, type ReadText } from './read-text';
import { isReadable, isSkippedTag } from './text-walk';

const ELEMENT_NODE = 1;
const ORDERED_NODE_SNAPSHOT_TYPE = 7;

export interface PageScreen {
  /** False only when no part of `root` can hold a mention of the story. */
  mayMention(root: Element | ShadowRoot, visit?: VisitShadowRoot): boolean;
}

/** Told of each open shadow root before it is screened; false leaves it unscreened (it was screened before). */
export type VisitShadowRoot = (root: ShadowRoot) => boolean;

export function createPageScreen(source: ScreenSource): PageScreen {
  // Built on the first text to screen: the empty frames of a page (ad slots, blank iframes) never pay for it.
  let textScreen: TextScreen | undefined;
  const screen = () => (textScreen ??= createTextScreen(source));

  /** Whether any of the names at `places` (pairs of offsets in the text read) may be a mention. */
  function placesMayMention(root: Element | ShadowRoot, read: ReadText, places: readonly number[]): boolean {
    let next = 0;
    for (let k = 0; k < read.runs.length && next < places.length; k++) {
      const run = read.runs[k]!;
      const runEnd = read.runs[k + 1]?.start ?? read.text.length;
      if (places[next]! >= runEnd) continue;
      const walker = textNodesOf(root, run);
      let offset = run.start;
      // A run is its text nodes' data in tree order: the same nodes, the same offsets.
      for (let node = walker.nextNode(); node && next < places.length && places[next]! < runEnd; node = walker.nextNode()) {
        const end = offset + (node as Text).length;
        if (places[next]! < end) {
          let inside = true;
          for (; next < places.length && places[next]! < end; next += 2) inside &&= places[next + 1]! <= end;
          // Split by markup ("Kim <b>Jong</b> Un", a drop cap), or by a script: the annotator reads it joined.
          if (!inside) return true;
          // Not inside a form field, hidden content or our own UI: the whole way up is asked last, it costs most.
          const parent = node.parentElement;
          if (!(parent && isSkippedTag(parent.localName)) && screen().mayMention((node as Text).data) && isReadable(node, root)) return true;
        }
        offset = end;
      }
    }
    return false;
  }

  function shadowRootsMayMention(root: Element | ShadowRoot, visit?: VisitShadowRoot): boolean {
    for (const host of customElementsUnder(root)) {
      const shadow = host.shadowRoot;
      if (shadow && visit?.(shadow) !== false && mayMention(shadow, visit)) return true;
    }
    return false;
  }

  function mayMention(root: Element | ShadowRoot, visit?: VisitShadowRoot): boolean {
    const read = readText(root);
    const places = read.text ? screen().namePlaces(read.text) : [];
    if (places === null || (places.length > 0 && placesMayMention(root, read, places))) return true;
    return shadowRootsMayMention(root, visit);
  }

  return { mayMention };
}

/** Elements under `root` with a hyphen in their name, the ones that may host a shadow root, found natively. */
function customElementsUnder(root: Element | ShadowRoot): Element[] {
  const doc = root.ownerDocument;
  if (typeof doc.evaluate !== 'function') return [];
  // A shadow root is no context node XPath takes (it throws): its elements are.
  const contexts = root.nodeType === ELEMENT_NODE ? [root as Element] : [...root.children];
  const found: Element[] = [];
  for (const context of contexts) {
    const hosts = doc.evaluate(
      context === root ? './/*[contains(local-name(), "-")]' : 'descendant-or-self::*[contains(local-name(), "-")]',
      context,
      null,
      ORDERED_NODE_SNAPSHOT_TYPE,
      null,
    );
    for (let i = 0; i < hosts.snapshotLength; i++) found.push(hosts.snapshotItem(i) as Element);
  }
  return found;
}
