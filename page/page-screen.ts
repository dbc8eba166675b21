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
import { readText, TextParts, textNodesOf, type ReadText } from './read-text';
import { Slice } from './scheduler';
import { isReadable, isSkippedTag } from './text-walk';

const ELEMENT_NODE = 1;
const ORDERED_NODE_SNAPSHOT_TYPE = 7;

/**
 * A page with more elements than this is read a slice of time at a time.
 * Reading a page's text costs about what its nodes do: 4 MiB in 80,000 text
 * nodes took 55–70 ms at once on a slow machine.
 */
export const LARGE_PAGE_ELEMENTS = 10_000;
/**
 * A page with more text than this is read a slice of time at a time too,
 * whatever its elements: a text, log or JSON file is one <pre>. Searching
 * for first words goes at a few ms a MB on a slow machine.
 */
const LARGE_PAGE_CHARS = 1 << 20;
/**
 * A page of at most this many elements is read in pieces too: it costs little however it is read, and a page
 * with more text than LARGE_PAGE_CHARS in so few elements is found only by reading all of it, at once.
 */
const FEW_ELEMENTS = 64;
/**
 * A piece of a large page ends after this many characters, whatever its slice
 * of time has left: reading a text node's data costs nothing, searching it
 * does, after the reading.
 */
const PIECE_CHARS = 1 << 18;
/** A text node longer than this has only the text around its names checked for mentions, not all of it (a file of one line). */
const NODE_CHECKED_CHARS = 1 << 17;

/**
 * What a slice's search takes of the text before it, longer than any name
 * on the page can be: a name that runs from one slice's text into the next
 * is found (and lets the page through, being in more than one text node).
 */
const OVERLAP_CHARS = 256;
/**
 * Reading time in one slice: joining what was read and searching it come
 * after, and the young garbage of a slice's strings is collected in it too.
 */
const READ_MS = 4;

export interface PageScreen {
  /** False only when no part of `root` can hold a mention of the story. */
  mayMention(root: Element | ShadowRoot, visit?: VisitShadowRoot): boolean;
  /**
   * The same answer for a whole page, but a large one is read a part at a
   * time (TextParts) in slices of the main thread's time, with `pause()`
   * between them.
   */
  mayMentionInPieces(root: Element, options: PiecesOptions): Promise<boolean>;
}

export interface PiecesOptions {
  visit?: VisitShadowRoot;
  pause: () => Promise<void>;
  /** A page with more elements than this is read in pieces (LARGE_PAGE_ELEMENTS). */
  largePage?: number;
  /** A piece ends after this many characters (PIECE_CHARS unless told), if its slice of time has not ended it before. */
  pieceChars?: number;
  /** Asked after each pause: true stops the reading, and the answer is false (whoever asked no longer wants it). */
  cancelled?: () => boolean;
  /**
   * Told, when the answer is false, of the custom elements in `root` not
   * defined yet (their shadow roots come once they are: upgrade-watch.ts). In
   * a large page, those the reading passed: a query of the whole page took 8–10 ms
   * of one task at 300,000 elements.
   */
  onUndefined?: (elements: Iterable<Element>) => void;
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
      // Below 0 where a text node cut by the piece before goes on (TextParts).
      let offset = run.start;
      // A run is its text nodes' data in tree order: the same nodes, the same offsets.
      for (let node = walker.nextNode(); node && next < places.length && places[next]! < runEnd; node = walker.nextNode()) {
        const end = offset + (node as Text).length;
        if (places[next]! < end) {
          const first = places[next]! - offset;
          let inside = true;
          for (; next < places.length && places[next]! < end; next += 2) inside &&= places[next + 1]! <= end;
          // Split by markup ("Kim <b>Jong</b> Un", a drop cap), or by a script: the annotator reads it joined.
          if (!inside) return true;
          // Not inside a form field, hidden content or our own UI: the whole way up is asked last, it costs most.
          const parent = node.parentElement;
          if (!(parent && isSkippedTag(parent.localName)) && screen().mayMention(textAround(node as Text, first, places[next - 1]! - offset)) && isReadable(node, root))
            return true;
        }
        offset = end;
      }
    }
    return false;
  }

  function hostMayMention(host: Element, visit?: VisitShadowRoot): boolean {
    const shadow = host.shadowRoot;
    return !!shadow && visit?.(shadow) !== false && mayMention(shadow, visit);
  }

  function shadowRootsMayMention(root: Element | ShadowRoot, visit?: VisitShadowRoot): boolean {
    for (const host of customElementsUnder(root)) if (hostMayMention(host, visit)) return true;
    return false;
  }

  function mayMention(root: Element | ShadowRoot, visit?: VisitShadowRoot): boolean {
    return readMayMention(root, readText(root), visit);
  }

  function readMayMention(root: Element | ShadowRoot, read: ReadText, visit?: VisitShadowRoot): boolean {
    const places = read.text ? screen().namePlaces(read.text) : [];
    if (places === null || (places.length > 0 && placesMayMention(root, read, places))) return true;
    return shadowRootsMayMention(root, visit);
  }

  /** Whether the piece of text read may hold a mention, the end of the text before it (`overlap`) searched with it. */
  function pieceMayMention(root: Element, read: ReadText, overlap: string): boolean {
    const found = screen().namePlaces(overlap + read.text);
    if (found === null) return true;
    const places: number[] = [];
    for (let i = 0; i < found.length; i += 2) {
      const start = found[i]! - overlap.length;
      const end = found[i + 1]! - overlap.length;
      // All in the text before: the slice before searched it.
      if (end <= 0) continue;
      // Begun in the text before: in a text node before this piece's first, or in one the piece before cut (checked here).
      if (start < 0 && start < (read.runs[0]?.start ?? 0)) return true;
      places.push(start, end);
    }
    return places.length > 0 && placesMayMention(root, read, places);
  }

  async function mayMentionInPieces(
    root: Element,
    { visit, pause, largePage = LARGE_PAGE_ELEMENTS, pieceChars, cancelled = () => false, onUndefined }: PiecesOptions,
  ): Promise<boolean> {
    const atOnce = (read = readText(root)) => {
      if (readMayMention(root, read, visit)) return true;
      onUndefined?.(root.querySelectorAll(':not(:defined)'));
      return false;
    };
    // Paused first, whatever the page's size: the page's own parsing and scripts have had the task
    // this began in, and in a new renderer that task also compiled the script on every page.
    await pause();
    if (cancelled()) return false;
    // item(n) walks to the nth element and no further; the length, and in Chromium `[n]` too, walk the whole page (7–15 ms at 300,000 elements).
    // A file the browser shows as text (a log, JSON), or a page of a handful of elements (a log in a <pre>), is read in pieces
    // however small: it may hold megabytes in one element, whose text alone takes a native call 40 ms to read (20 MB).
    const elements = root.getElementsByTagName('*');
    if (elements.item(largePage) === null && elements.item(FEW_ELEMENTS) !== null && !shownAsText(root.ownerDocument)) {
      // Text read in a few native calls, which cost little beside searching it: searched at once unless long.
      const read = readText(root);
      if (read.text.length <= LARGE_PAGE_CHARS) return atOnce(read);
    }
    const parts = new TextParts(root);
    const slice = new Slice();
    let overlap = '';
    for (let first = true; ; first = false) {
      if (!first) {
        await pause();
        if (cancelled()) return false;
      }
      // The page took away a node the reading was to go on from: read it all again, at once.
      if (!parts.intact) return atOnce();
      slice.begin(READ_MS);
      const read = parts.read(slice, pieceChars ?? PIECE_CHARS);
      if (!read) break;
      if (pieceMayMention(root, read, overlap)) return true;
      overlap = (overlap + read.text).slice(-OVERLAP_CHARS);
    }
    // The shadow roots of custom elements: among the elements entered, and inside those read whole, a slice at a time too.
    const undefinedHosts: Element[] = [];
    const customElement = (host: Element) => {
      if (onUndefined && !host.matches(':defined')) undefinedHosts.push(host);
      return hostMayMention(host, visit);
    };
    for (const host of parts.entered) if (host.localName.includes('-') && customElement(host)) return true;
    const customElements = root.ownerDocument.createExpression(CUSTOM_ELEMENTS_AND_SELF);
    for (const element of parts.whole) {
      if (slice.expired) {
        await pause();
        if (cancelled()) return false;
        slice.begin(READ_MS);
      }
      const hosts = customElements.evaluate(element, ORDERED_NODE_SNAPSHOT_TYPE);
      for (let i = 0; i < hosts.snapshotLength; i++) if (customElement(hosts.snapshotItem(i) as Element)) return true;
    }
    onUndefined?.(undefinedHosts);
    return false;
  }

  return { mayMention, mayMentionInPieces };
}

/**
 * What is checked for a mention around names found at `from`–`to` in a text node: all of it, unless it is very
 * long (a file of one line), then the text around them. Its ends count as word boundaries: a name cut there lets
 * the page through, as the screen may.
 */
function textAround(node: Text, from: number, to: number): string {
  const data = node.data;
  if (data.length <= NODE_CHECKED_CHARS) return data;
  return data.slice(Math.max(0, from - OVERLAP_CHARS), to + OVERLAP_CHARS);
}

/** Whether the browser shows the document as text it was sent as: a .txt, a log, raw JSON (Chromium puts it in one <pre>). */
function shownAsText(doc: Document): boolean {
  const type = doc.contentType;
  return typeof type === 'string' && !/html|xml/.test(type);
}

const CUSTOM_ELEMENTS_AND_SELF = 'descendant-or-self::*[contains(local-name(), "-")]';

/** Elements under `root` with a hyphen in their name, the ones that may host a shadow root, found natively. */
function customElementsUnder(root: Element | ShadowRoot): Element[] {
  const doc = root.ownerDocument;
  if (typeof doc.evaluate !== 'function') return [];
  // A shadow root is no context node XPath takes (it throws): its elements are.
  const contexts = root.nodeType === ELEMENT_NODE ? [root as Element] : [...root.children];
  const found: Element[] = [];
  for (const context of contexts) {
    const hosts = doc.evaluate(
      context === root ? './/*[contains(local-name(), "-")]' : CUSTOM_ELEMENTS_AND_SELF,
      context,
      null,
      ORDERED_NODE_SNAPSHOT_TYPE,
      null,
    );
    for (let i = 0; i < hosts.snapshotLength; i++) found.push(hosts.snapshotItem(i) as Element);
  }
  return found;
}
