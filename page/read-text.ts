/**
 * A root's text as the screen reads it: every text node's data in tree order,
 * less the text of the elements nobody reads and pages fill with the most text.
 * A news page's inline scripts (JSON state, ad configuration) and styles often
 * hold more text than its articles, up to a megabyte: reading them would cost
 * more than everything else the screen does, and the names in them (in
 * related-article data, in country lists) are never mentions.
 */

import type { Slice } from './scheduler';
import { isSkippedTag } from './text-walk';

const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;
/**
 * Above this many unread elements, a root is read in parts (TextParts): a
 * range set beside an element costs Chromium a count of the siblings before
 * it, and a page of thousands of inline scripts side by side took 30 s to
 * read by ranges.
 */
export const MAX_RANGE_RUNS = 200;

/**
 * Found in one native query. Other elements the annotator skips (hidden content,
 * form fields, our own UI) are told apart where a name is found, node by node:
 * they hold little text.
 */
const UNREAD = 'script,style,noscript,textarea,select,datalist,title,desc';

export interface TextRun {
  /** Where the run starts in the text read: below 0 for a text node read on from where an earlier piece cut it (TextParts). */
  start: number;
  /** The unread element it follows; null for a run that starts at the root's start, at `first` or at `at`. */
  after: Element | null;
  /** Read in parts (TextParts): the run's text node, or the element whose text it is. */
  first?: Text;
  at?: Element;
}

export interface ReadText {
  text: string;
  /** The runs of text between unread elements, in order, the first at 0. */
  runs: TextRun[];
}

export function readText(root: Element | ShadowRoot): ReadText {
  const unread = root.nodeType === ELEMENT_NODE ? outermost(root.querySelectorAll(UNREAD)) : [];
  // Ranges in a shadow root throw in some engines; shadow roots hold little text.
  if (unread.length === 0) return { text: root.textContent ?? '', runs: [{ start: 0, after: null }] };
  if (unread.length > MAX_RANGE_RUNS) return new TextParts(root).read() ?? { text: '', runs: [] };
  const range = root.ownerDocument.createRange();
  range.selectNodeContents(root);
  const parts: string[] = [];
  const runs: ReadText['runs'] = [];
  let length = 0;
  let after: Element | null = null;
  for (const element of unread) {
    range.setEndBefore(element);
    length = addRun(range, parts, runs, length, after);
    range.setStartAfter(element);
    after = element;
  }
  range.setEnd(root, root.childNodes.length);
  addRun(range, parts, runs, length, after);
  return { text: parts.join(''), runs };
}

function addRun(range: Range, parts: string[], runs: ReadText['runs'], length: number, after: Element | null): number {
  const text = range.toString();
  parts.push(text);
  runs.push({ start: length, after });
  return length + text.length;
}

/** The elements of a document-order list that are inside none of the others. */
function outermost(elements: NodeListOf<Element>): Element[] {
  const found: Element[] = [];
  for (const element of elements) {
    const last = found[found.length - 1];
    if (!last || !last.contains(element)) found.push(element);
  }
  return found;
}

/**
 * An element is read in one native call when it holds no unread element and
 * at most this many elements: a call long enough to matter is split.
 */
const ONE_CALL_ELEMENTS = 1000;
/** What telling whether to enter an element costs, in the slice's units (about a character read). */
const ENTER_WORK = 256;

/** Below this many elements entered, their subtrees are counted natively; deeper, a walk that stops at the limit does. */
const NATIVE_COUNT_DEPTH = 32;

/**
 * Whether `element` holds more than ONE_CALL_ELEMENTS elements or an unread
 * one. Native counts and searches cover the whole subtree, so on a page nested
 * thousands deep, asking at each level cost seconds: there the count is a walk
 * that stops at the limit, and the search runs only on a subtree below it.
 */
function mustEnter(element: Element, depth: number): boolean {
  // item(n) walks to the nth element and no further; the length walks the whole subtree, a whole page's under its <body>.
  if (depth < NATIVE_COUNT_DEPTH) return element.getElementsByTagName('*').item(ONE_CALL_ELEMENTS) !== null || element.querySelector(UNREAD) !== null;
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_ELEMENT);
  for (let seen = 0; walker.nextNode(); ) if (++seen > ONE_CALL_ELEMENTS) return true;
  return element.querySelector(UNREAD) !== null;
}

const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;

/**
 * A root's text read a part at a time, resumably: its elements are read in
 * one native call each where they are small and hold no unread element,
 * entered where not; text nodes among entered elements are read one by one.
 * A page of thousands of unread elements costs no more than one without.
 */
export class TextParts {
  /** The next node to read at each depth entered, the root's children at the bottom. */
  private readonly next: (Node | null)[];
  /** The parent of the nodes at each depth: the root, then the elements entered and not yet left. */
  private readonly parents: Node[];
  /** Elements entered, to read their children one by one. */
  readonly entered: Element[] = [];
  /** Elements read whole or skipped: what is inside them was not looked at one by one. */
  readonly whole: Element[] = [];
  /** How much of the text node next to read was read already: a node longer than a piece is read a piece at a time. */
  private within = 0;

  constructor(private readonly root: Element | ShadowRoot) {
    this.next = [root.firstChild];
    this.parents = [root];
  }

  /**
   * False when the page took away or moved a node the reading was to go on
   * from: what is left cannot be found. One look up the tree, not one per
   * depth: a page nested thousands deep would make that quadratic.
   */
  get intact(): boolean {
    const deepest = this.parents[this.parents.length - 1];
    if (deepest && deepest !== this.root && !this.root.contains(deepest)) return false;
    return this.next.every((node, depth) => node === null || node.parentNode === this.parents[depth]);
  }

  /**
   * Reads on until everything is read, `slice` is spent or `maxChars` are
   * read; each element or text node read is a run of its own. A text node
   * longer than what is left of `maxChars` is cut there, and read on from
   * there next time: its run starts before the piece (below 0). An element
   * that holds text nodes only, more than one or a long one (the <pre> a
   * browser shows a text or JSON file in, its text in nodes of 64K), is
   * entered, so that a piece never holds much more than `maxChars`.
   * Null when everything was read already.
   */
  read(slice?: Slice, maxChars = Infinity): ReadText | null {
    if (this.next.length === 0) return null;
    const parts: string[] = [];
    const runs: TextRun[] = [];
    let length = 0;
    while (this.next.length > 0) {
      const depth = this.next.length - 1;
      const node = this.next[depth];
      if (!node) {
        this.next.pop();
        this.parents.pop();
        continue;
      }
      this.next[depth] = node.nextSibling;
      let text: string;
      let run: TextRun;
      if (node.nodeType === TEXT_NODE) {
        const data = (node as Text).data;
        const from = this.within;
        if (data.length - from > maxChars - length) {
          // Cut: the rest of this node comes in the next piece.
          text = data.slice(from, from + maxChars - length);
          this.within = from + text.length;
          this.next[depth] = node;
        } else {
          text = from > 0 ? data.slice(from) : data;
          this.within = 0;
        }
        run = { start: length - from, after: null, first: node as Text };
      } else if (node.nodeType === ELEMENT_NODE) {
        const element = node as Element;
        if (isSkippedTag(element.localName)) {
          this.whole.push(element);
          continue;
        }
        if (element.firstElementChild ? mustEnter(element, this.parents.length) : holdsLongText(element, maxChars)) {
          this.entered.push(element);
          this.next.push(element.firstChild);
          this.parents.push(element);
          // Telling may cost a thousand elements' walk: charged, so a page nested deep is read in slices too.
          if (slice?.spent(ENTER_WORK)) break;
          continue;
        }
        this.whole.push(element);
        text = element.textContent ?? '';
        run = { start: length, after: null, at: element };
      } else continue;
      if (text) {
        parts.push(text);
        runs.push(run);
        length += text.length;
      }
      if (length >= maxChars || slice?.spent(text.length + 64)) break;
    }
    return { text: parts.join(''), runs };
  }
}

/**
 * Whether `element`, which holds no element, is to be entered rather than read whole: with more than one node in
 * it, or one text node longer than a piece. Its nodes' lengths only, never its text: reading that is what costs.
 */
function holdsLongText(element: Element, maxChars: number): boolean {
  const first = element.firstChild;
  return first !== null && (first !== element.lastChild || (first.nodeType === TEXT_NODE && (first as Text).length > maxChars));
}

/**
 * A walker over the text nodes of `root` from the start of `run` on: the text
 * nodes it returns make up the run's text, in order, and then what follows.
 */
export function textNodesOf(root: Element | ShadowRoot, run: TextRun): TreeWalker {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  // Before the element: its own text nodes come next.
  if (run.at) walker.currentNode = run.at;
  else if (run.first) {
    // One step back, so that the next node is the run's first.
    walker.currentNode = run.first;
    if (!walker.previousNode()) walker.currentNode = root;
  } else if (run.after) {
    // Past the whole of the element: a walker set on a node goes on after it, in tree order.
    let last: Node = run.after;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
  }
  return walker;
}
