/**
 * Reads a page's visible text as blocks: the text of consecutive text nodes
 * joined across inline elements, so "Kim <b>Jong</b> Un" is one string, and
 * split where a block-level element begins or ends. Read-only: it never
 * touches the DOM, so the page's own scripts and frameworks see no change.
 *
 * Runs in Chromium, Firefox, happy-dom and linkedom, so it relies on no
 * globals (Node, NodeFilter) and on nothing but TreeWalker.nextNode() where
 * the other TreeWalker methods are missing (linkedom).
 */

import { isShadowRoot } from './composed-order';
import { isMenu, isMenuLink, isSiteHeaderOrFooterTag, isSiteMenuLink, MENU_ROLES, SITE_ROLES } from './menus';
import { isOwnHost } from './own-hosts';

export interface TextBlock {
  /**
   * The joined text of `nodes`. A block cut out of a text of many lines
   * (BLOCK_CUT) holds only part of its first and last node.
   */
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data begins; ascending, and below 0 for a first node that began in the block before. */
  starts: readonly number[];
  /** The open shadow root the block is in, if it is in one: found once per walk, not per mention. */
  shadowRoot?: ShadowRoot;
}

export interface CollectOptions {
  /** Also read open shadow roots, as blocks of their own (default true). */
  shadowRoots?: boolean;
  /** Also read same-origin iframes, as blocks of their own (default true). */
  frames?: boolean;
}

interface ReaderOptions {
  shadowRoots?: boolean;
  /**
   * Where a frame's document is read with the rest (collectBlocks); none in
   * content scripts, which run in every frame on their own.
   */
  frameDocument?: (frame: Element) => Document | null;
  /** Told of each open shadow root the walk enters: its changes reach no observer of the document. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Told of each custom element the walk reads that its script has not defined
   * yet: its shadow root comes once it is (upgrade-watch.ts). Found as the walk
   * passes them, not by a query of the whole page, which took 8–10 ms of one
   * task on a log of 310,000 elements.
   */
  onUndefined?: (element: Element) => void;
}

export interface NodeRange {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

/**
 * Decided by tag name: getComputedStyle would be exact but forces style
 * recalculation on every element, which on a large page costs more than
 * everything else here together.
 */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'canvas', 'caption', 'center', 'col',
  'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'iframe', 'img', 'input', 'legend', 'li', 'listing', 'main', 'menu', 'meter', 'nav', 'object', 'ol', 'optgroup',
  'option', 'output', 'p', 'picture', 'plaintext', 'pre', 'progress', 'search', 'section', 'select', 'summary',
  'svg', 'table', 'tbody', 'td', 'textarea', 'tfoot', 'th', 'thead', 'tr', 'ul', 'video', 'audio', 'xmp', 'math',
  'foreignobject',
  // SVG's: each label of a chart or a map, which a script places without a space between them.
  'text',
  // Not blocks, but a footnote mark must not glue onto the word: "Russia<sup>1</sup>" is not "Russia1".
  'sup', 'sub',
]);

/**
 * Never read: code, styles (SVG's <style> too: same local name), form fields
 * the user types into, invisible metadata (<title> of the page and of SVG
 * shapes), fallback content of embedded objects, a ruby's reading (its
 * pronunciation, which would run onto the name it is the reading of).
 * Backstory's own UI is skipped for being ours (page/own-hosts.ts), not for
 * its tag: a page's own <backstory-card> is read.
 */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'head', 'title', 'meta', 'link', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'picture',
  'img', 'desc', 'rp', 'rt',
]);

/**
 * Elements never read for an attribute rather than their tag. Code editors that
 * take typing through a hidden <textarea> and draw the text in plain elements
 * (CodeMirror 5, Ace, Monaco) are editable parts without `contenteditable`:
 * names painted over what the reader types, and cards opening under the caret.
 */
const UNREAD_BY_ATTRIBUTE =
  '[hidden],[data-backstory-ui],[contenteditable]:not([contenteditable="false" i],[contenteditable="inherit" i]),.CodeMirror,.ace_editor,.monaco-editor';
/**
 * Those and the elements of a menu role, skipped unless they hold content (menus.ts): found in one native query per
 * walk of a page (ONE_QUERY_ELEMENTS).
 */
const SKIPPED_BY_ATTRIBUTE = `${UNREAD_BY_ATTRIBUTE},${MENU_ROLES}`;
/** Those and the site's header and footer by role (menus.ts), found in the same query: each one more costs the query little. */
const BY_ATTRIBUTE = `${SKIPPED_BY_ATTRIBUTE},${SITE_ROLES}`;
/**
 * A whole page or shadow root of at most this many elements has those skipped
 * for an attribute found in one query up front: on the benchmark's 4 MiB page
 * (55,000 elements) the query takes 2.2 ms, asking each element 8–11. A larger
 * one has each element asked as the walk comes to it: the query runs in one
 * task, 11 ms on a log of 310,000 elements, where the walk is sliced.
 */
const ONE_QUERY_ELEMENTS = 100_000;

export function isSkippedTag(tag: string): boolean {
  return SKIPPED_TAGS.has(tag);
}

function isSkipped(el: Element, tag: string): boolean {
  return isSkippedTag(tag) || isOurs(el, tag) || isSkippedNav(el, tag) || isSkippedByAttribute(el) || (tag === 'a' && isSiteMenuLink(el));
}

/** A `<nav>` is a menu (menus.ts), skipped, unless it holds content. */
function isSkippedNav(el: Element, tag: string): boolean {
  return tag === 'nav' && isMenu(el);
}

/** Our UI's hosts are custom elements: only those are looked up, which keeps the lookup off most of a page's elements. */
function isOurs(el: Element, tag: string): boolean {
  return tag.includes('-') && isOwnHost(el);
}

function isSkippedByAttribute(el: Element): boolean {
  return byAttribute(el) === SKIPPED;
}

const SKIPPED = 1;
const SITE_PART = 2;

/**
 * What an element is for its attributes: SKIPPED, the site's header or footer by its role (SITE_PART), or neither (0).
 * An element without attributes is asked nothing more: the <span> round each word of a log, say.
 */
function byAttribute(el: Element): number {
  return el.hasAttributes() && el.matches(BY_ATTRIBUTE) ? kindOfMatch(el) : 0;
}

/** Of the elements BY_ATTRIBUTE matches, the ones skipped (a menu only when it holds no content), and the site's header and footer. */
function kindOfMatch(el: Element): number {
  // "" and "true" and "plaintext-only" all make an element editable; only "false" (and "inherit") do not.
  if (el.matches(UNREAD_BY_ATTRIBUTE)) return SKIPPED;
  if (el.matches(MENU_ROLES) && isMenu(el)) return SKIPPED;
  return el.matches(SITE_ROLES) ? SITE_PART : 0;
}

interface ByAttribute {
  skipped: ReadonlySet<Element>;
  siteParts: ReadonlySet<Element>;
}

function byAttributeIn(root: Document | ShadowRoot | Element): ByAttribute {
  const skipped = new Set<Element>();
  const siteParts = new Set<Element>();
  for (const el of root.querySelectorAll(BY_ATTRIBUTE)) {
    const kind = kindOfMatch(el);
    if (kind === SKIPPED) skipped.add(el);
    else if (kind === SITE_PART) siteParts.add(el);
  }
  return { skipped, siteParts };
}

/** The site's header or footer (menus.ts) that `el` is, or stands in, as a walk from it begins: the menu's links in it are skipped. */
function siteHeaderOrFooterAt(el: Element | null): Element | null {
  for (let at = el; at; at = at.parentElement) if (isSiteHeaderOrFooterTag(at, at.localName) || byAttribute(at) === SITE_PART) return at;
  return null;
}

/** Whether `root` holds more than `limit` elements, looking at no more than that many. */
function holdsMoreElements(root: Document | ShadowRoot | Element, limit: number): boolean {
  // item(n) walks to the nth element and no further; the length, and in Chromium `[n]` too, walk the whole tree (7 ms at 300,000 elements).
  if (!isShadowRoot(root)) return root.getElementsByTagName('*').item(limit) !== null;
  let left = limit;
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (--left < 0) return true;
    const inner = child.getElementsByTagName('*');
    if (inner.item(left) !== null) return true;
    left -= inner.length;
  }
  return false;
}

function frameDocument(el: Element): Document | null {
  try {
    return (el as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    // Cross-origin frames throw in some engines and return null in others.
    return null;
  }
}

/** Where the one node of a single-node block begins: shared, as most blocks are one node. */
const SINGLE_START: readonly number[] = Object.freeze([0]);

/**
 * A block longer than this is cut at the next blank line, one twice as long
 * at the next line break, and one four times as long after the next
 * character no name holds (a quotation mark or a bracket: a JSON file, a
 * minified dump of one line). A plain-text file or a `<pre>` of megabytes is
 * one block, which would be walked and searched in one task (a 4 MB log with
 * a `<span>` round every word took 220-300 ms) where every other page's work
 * is sliced. Names do not run across a blank line; one across a line break,
 * in text wrapped by hand, is lost only where a cut falls there, past 64 KiB
 * without a blank line. Past 256 KiB without any of these (a paragraph of
 * megabytes on one line: 2 MB took one task of 65-75 ms, twenty would take
 * ten times that), a block is cut at the end of a sentence, which no name runs
 * across; past 512 KiB after any whitespace, and past 1 MiB anywhere (a
 * name cut in two there is lost, once in a megabyte of text without a space).
 * Each is looked for only so far past where it would do, so a text without
 * one is not searched to its end at every cut.
 */
export const BLOCK_CUT = 32 * 1024;
/** Whitespace holding a blank line: the paragraph break of plain text. */
const BLANK_LINE = /\n[^\S\n]*\n/g;
/** Past 128 KiB: after a character none of a story's names holds, or a line break. */
const NO_NAME_CUT = /["{}[\]<>|\n]/g;
/**
 * Past 256 KiB also after a sentence's end: a full stop, question or
 * exclamation mark after a word's two lower-case letters and before a space
 * (a name such as "Washington, D.C." or "Vladimir V. Putin" holds none), or an
 * ideographic one. A stop at the very end of the text searched counts too.
 */
const SENTENCE_CUT = /["{}[\]<>|\n]|(?<=\p{Ll}\p{Ll})[.!?](?=\s|$)|[\u3002\uff01\uff1f]/gu;
/** Past 512 KiB also after any whitespace. */
const GAP_CUT = /["{}[\]<>|\s\u3002\uff01\uff1f]/gu;

class BlockBuilder {
  // Most blocks are one text node, and a third of the page's text nodes are
  // the spaces between blocks: those take no arrays at all. A block of many
  // nodes keeps its pieces and joins them once at the end: a string built by
  // += is a rope the scanner would flatten again.
  private first: Text | null = null;
  private firstData = '';
  /** Where the first node's data begins in the block: below 0 when a cut left its beginning in the block before. */
  private firstStart = 0;
  private parts: string[] | null = null;
  private nodes: Text[] | null = null;
  private starts: number[] | null = null;
  private length = 0;
  /** What is left of a node after a cut: read by `resume`, one block at a time, so a cut text of megabytes is sliced too. */
  private rest: { node: Text; data: string; from: number } | null = null;

  constructor(
    private readonly out: TextBlock[],
    private readonly shadowRoot: ShadowRoot | undefined,
  ) {}

  /** Starts an empty block at `from` in `node`'s data, as the walk does after a cut there (`from` above 0) or at a node's start. */
  startAt(node: Text, from: number): void {
    if (from === 0) this.add(node);
    else if (from < node.data.length) this.rest = { node, data: node.data, from };
  }

  add(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    if (this.length + data.length <= BLOCK_CUT) this.push(node, data, 0);
    else {
      this.rest = { node, data, from: 0 };
      this.resume();
    }
  }

  /** Takes up what a cut left of a node, up to the next cut; false when nothing was left. */
  resume(): boolean {
    const rest = this.rest;
    if (!rest) return false;
    this.rest = null;
    const { node, data, from } = rest;
    const cut = this.length + data.length - from > BLOCK_CUT ? this.cutIn(data, from) : -1;
    if (cut < 0) {
      this.push(node, from === 0 ? data : data.slice(from), from);
      return true;
    }
    // Nothing of the node before the cut when the block before it ended right at the longest a block gets.
    if (cut > from) this.push(node, data.slice(from, cut), from);
    this.flush();
    if (cut < data.length) this.rest = { node, data, from: cut };
    return true;
  }

  /** Where in `data` (read from `from` on) the block may be cut (BLOCK_CUT); -1 for nowhere. */
  private cutIn(data: string, from: number): number {
    const past = (times: number) => from + Math.max(0, times * BLOCK_CUT - this.length);
    const blankFrom = past(1);
    const lineFrom = past(2);
    if (blankFrom < lineFrom && blankFrom < data.length) {
      BLANK_LINE.lastIndex = 0;
      const blank = BLANK_LINE.exec(data.slice(blankFrom, lineFrom));
      if (blank) return blankFrom + blank.index + blank[0].length;
    }
    const anyFrom = past(4);
    if (lineFrom < anyFrom && lineFrom < data.length) {
      const line = data.slice(lineFrom, anyFrom).indexOf('\n');
      if (line >= 0) return lineFrom + line + 1;
    }
    const sentenceFrom = past(8);
    const gapFrom = past(16);
    const hardFrom = past(32);
    for (const [cut, start, end] of [
      [NO_NAME_CUT, anyFrom, sentenceFrom],
      [SENTENCE_CUT, sentenceFrom, gapFrom],
      [GAP_CUT, gapFrom, hardFrom],
    ] as const) {
      if (start >= data.length) return -1;
      if (start === end) continue;
      // Two characters before the window, for the letters before a full stop: from the node before when the window starts the node.
      const before = start >= 2 ? '' : this.lastCharacters(2 - start);
      const text = before + data.slice(Math.max(0, start - 2), end);
      const windowAt = text.length - (Math.min(end, data.length) - start);
      cut.lastIndex = windowAt;
      const found = cut.exec(text);
      if (found) return start + found.index - windowAt + 1;
    }
    if (hardFrom >= data.length) return -1;
    // Not between the two halves of a character outside the Basic Multilingual Plane.
    const low = data.charCodeAt(hardFrom);
    return low >= 0xdc00 && low <= 0xdfff ? hardFrom + 1 : hardFrom;
  }

  /** Up to `count` characters at the end of the block so far. */
  private lastCharacters(count: number): string {
    const last = this.parts ? this.parts[this.parts.length - 1]! : this.firstData;
    return last.slice(-count);
  }

  /** Adds `piece`, the data of `node` from `from` on (from is above 0 only for the first node of a block). */
  private push(node: Text, piece: string, from: number): void {
    if (!this.first) {
      this.first = node;
      this.firstData = piece;
      this.firstStart = from > 0 ? -from : 0;
      this.length = piece.length;
      return;
    }
    if (!this.nodes) {
      this.nodes = [this.first];
      this.parts = [this.firstData];
      this.starts = [this.firstStart];
    }
    this.starts!.push(this.length);
    this.nodes.push(node);
    this.parts!.push(piece);
    this.length += piece.length;
  }

  flush(): void {
    const first = this.first;
    if (!first) return;
    const text = this.parts ? this.parts.join('') : this.firstData;
    if (/\S/.test(text)) {
      const block: TextBlock = this.nodes
        ? { text, nodes: this.nodes, starts: this.starts! }
        : { text, nodes: [first], starts: this.firstStart === 0 ? SINGLE_START : [this.firstStart] };
      if (this.shadowRoot) block.shadowRoot = this.shadowRoot;
      this.out.push(block);
    }
    this.first = null;
    this.firstData = '';
    this.firstStart = 0;
    this.parts = null;
    this.nodes = null;
    this.starts = null;
    this.length = 0;
  }
}

/** The walk of one document, shadow root or subtree; frames stack up for nested roots. */
interface Frame {
  root: Node;
  walker: TreeWalker;
  canJump: boolean;
  block: BlockBuilder;
  /** The next node to visit, or null once the walk of this root is done. */
  node: Node | null;
  /** The parent `node` had where the walk last stopped (resume). */
  nodeParent: Node | null;
  // Open elements from `root` down to the current node's parent: the walker
  // reports only entries, so exits are found by comparing parents.
  open: Node[];
  openIsBlock: boolean[];
  // Where the walker cannot jump (linkedom), the skipped element whose subtree we are passing through.
  skipping: Node | null;
  /**
   * Elements under `root` skipped for an attribute, found up front when the
   * root is a whole document or shadow root of at most ONE_QUERY_ELEMENTS:
   * asking each element costs more than the query. Null for a subtree (a
   * rescan), where asking is cheaper than the query, and for a larger page, which the query would hold in one task.
   */
  skippedByAttribute: ReadonlySet<Element> | null;
  /** The site's header and footer by role under `root`, found in the same query as `skippedByAttribute`; null where it is. */
  sitePartsByRole: ReadonlySet<Element> | null;
  /** The site's header or footer the walk is in (menus.ts): its menu's links are skipped. */
  sitePart: Element | null;
  /**
   * Per depth under `root` (1: its children), the last node there the walk is done with, its subtree read or skipped:
   * null before the first, undefined where the walk does not know (it began inside the tree, or was put back in it).
   * While an element of `open` is open, the entry at its own depth is the node the walk read before it: where the walk
   * stands among nodes of the page, for `resume` to tell whether the page moved it.
   */
  done: (Node | null | undefined)[];
  /** Per depth, the node done with before `done`'s. */
  doneBefore: (Node | null | undefined)[];
  /** Per element of `open`, its next sibling when the walk entered it: where to go on should the page take it away. */
  openNext: (Node | null)[];
  /** Where the walk turns once it gets somewhere, after the page moved what it was reading (resume). */
  detour: Detour | null;
}

/**
 * Once the walk gets to `at`, at `depth`, which the page moved forwards while the walk was inside it: back inside it
 * where it was (`path`), having read what the page now has before it.
 */
interface Return {
  at: Node;
  depth: number;
  path: Path;
}

/** The state of a frame's walk inside the element at some depth: the ends of its arrays from there, and where it is. */
interface Path {
  node: Node | null;
  nodeParent: Node | null;
  open: Node[];
  openIsBlock: boolean[];
  openNext: (Node | null)[];
  done: (Node | null | undefined)[];
  doneBefore: (Node | null | undefined)[];
  sitePart: Element | null;
}

/**
 * Once the walk is done with `leave`, which the page moved back before `anchor` while the walk was inside it (or
 * moved `anchor` and what was read before it past it): on after `anchor`, the last node of `parent` read before it.
 */
interface Leave {
  leave: Node;
  anchor: Node;
  parent: Node;
}

type Detour = Return | Leave;

/** Where `BlockReader.resume` found the walk no longer standing as it stood: the node at `depth` it was in or was to read next. */
interface Break {
  depth: number;
  target: Node;
  /** The page took `target` out of the element it was in. */
  lost: boolean;
  /** The node read last before `target` that stands where it stood (null: the start of its parent); null where lost. */
  anchor: Node | null;
}

/**
 * What `BlockReader.next(steps)` returns when it stopped inside a block: a
 * block of a log with a `<span>` round every word, cut only at a line break
 * past 64 KiB (BLOCK_CUT), holds about 15,000 nodes, whose walk took 14–25 ms
 * of one slice; the caller looks at its clock in between.
 */
export const UNFINISHED = Symbol('unfinished block');

/**
 * Reads blocks one at a time, so a caller can stop after any block, or inside
 * one (`next(steps)`), and resume later: on a large page the walk is spread
 * over many short slices of work.
 */
export class BlockReader {
  private readonly frames: Frame[] = [];
  private readonly ready: TextBlock[] = [];
  /** Documents already read, so a frame cannot bring us back to one. */
  private readonly documents = new Set<Document>();
  /** The root was in the document when the walk began: `resume` fails once the page takes it out. */
  private connected = false;

  /** `root` null: a reader with nothing to read yet, for `from` to set up. */
  constructor(
    root: Document | ShadowRoot | Element | null,
    private readonly options: ReaderOptions = {},
  ) {
    if (root) this.enter(root);
    this.connected = root?.isConnected ?? false;
  }

  /**
   * Puts the walk back in its place after a pause (between two slices of it)
   * in which the page took away or moved what it was reading: a walker in a
   * detached subtree reads that and ends, and one in a node moved back reads
   * again what was read before it. The walk goes on after the last node it
   * read that still stands where it stood, reading no node twice and passing
   * none by that the page left in place; what the page put in or moved is for
   * the caller's watch of the page to read. One look along the walk's path per
   * pause. False when the page took out the root itself: no place to go on from.
   */
  resume(): boolean {
    const bottom = this.frames[0];
    if (bottom && this.connected && !bottom.root.isConnected) return false;
    for (let i = 0; i < this.frames.length; i++) {
      const frame = this.frames[i]!;
      // Read to its end, or where the walker cannot jump (linkedom) and so cannot look either.
      if (frame.node && frame.canJump) this.look(frame, i);
    }
    return true;
  }

  /** Looks along the walk of the `index`th frame for what the page changed, and puts the walk back in its place. */
  private look(frame: Frame, index: number): void {
    const found = this.breakIn(frame);
    if (found) {
      const inHost = found.depth < frame.open.length && index < this.frames.length - 1;
      // The frames above read the shadow root of an element on the path: gone with it if the page took it out.
      if (inHost && found.lost) this.frames.length = index + 1;
      this.mend(frame, found, inHost && !found.lost);
    }
    // Looking moved the walker.
    if (frame.node) frame.walker.currentNode = frame.node;
  }

  /**
   * A reader of `root` from where one of its blocks began, `offset` into
   * `node`, that reads on exactly as the walk of the whole root does from
   * there: the state of a walk where a block begins is the elements open
   * around `node` and an empty block. Null where it cannot: `node` is not in
   * `root`'s own tree (inside a shadow root in it), or is inside what the walk skips.
   */
  static from(root: Element | ShadowRoot, node: Text, offset: number, options: ReaderOptions = {}): BlockReader | null {
    const doc = root.ownerDocument;
    if (!doc || !root.contains(node) || offset > node.data.length) return null;
    const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    if (typeof walker.nextSibling !== 'function' || typeof walker.parentNode !== 'function') return null;
    const around: Element[] = [];
    for (let at = node.parentNode; at !== root; at = at.parentNode) {
      if (!at || at.nodeType !== ELEMENT_NODE) return null;
      const el = at as Element;
      if (isSkipped(el, el.localName)) return null;
      around.push(el);
    }
    around.reverse();
    const top = root.getRootNode();
    const reader = new BlockReader(null, options);
    const block = new BlockBuilder(reader.ready, top !== doc && 'host' in top ? (top as ShadowRoot) : undefined);
    walker.currentNode = node;
    const byAttribute = queriesSkipped(root) ? byAttributeIn(root) : null;
    const open = [root, ...around];
    const next = walker.nextNode();
    reader.frames.push({
      root,
      walker,
      canJump: true,
      block,
      node: next,
      nodeParent: next?.parentNode ?? null,
      open,
      openIsBlock: [false, ...around.map((el) => BLOCK_TAGS.has(el.localName))],
      skipping: null,
      skippedByAttribute: byAttribute?.skipped ?? null,
      sitePartsByRole: byAttribute?.siteParts ?? null,
      sitePart: siteHeaderOrFooterAt(node.parentElement),
      // What stands before where it begins counts as read, as a walk of the whole root would have.
      done: [undefined, ...around.map(shownBefore), node],
      doneBefore: [],
      openNext: open.map(shownAfter),
      detour: null,
    });
    block.startAt(node, offset);
    reader.connected = root.isConnected;
    return reader;
  }

  /**
   * The next block in document order, or null when the whole tree was read;
   * given `steps`, UNFINISHED once it visited that many nodes without ending a
   * block, to be called again for the rest of it.
   */
  next(): TextBlock | null;
  next(steps: number): TextBlock | null | typeof UNFINISHED;
  next(steps = Infinity): TextBlock | null | typeof UNFINISHED {
    while (this.ready.length === 0) {
      const frame = this.frames[this.frames.length - 1];
      if (!frame) return null;
      if (frame.block.resume()) continue;
      if (frame.detour) this.takeDetour(frame);
      if (frame.node) {
        if (steps-- <= 0) return this.stop(UNFINISHED);
        this.step(frame);
      } else {
        frame.block.flush();
        this.frames.pop();
      }
    }
    return this.stop(this.ready.shift()!);
  }

  /** Notes where the walk stops, for `resume` to tell what the page moved meanwhile; returns `result`. */
  private stop<T>(result: T): T {
    const frame = this.frames[this.frames.length - 1];
    if (frame) frame.nodeParent = frame.node?.parentNode ?? null;
    return result;
  }

  private enter(root: Document | ShadowRoot | Element): void {
    const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
    if (!doc) return;
    if (root === doc) {
      if (this.documents.has(doc)) return;
      this.documents.add(doc);
      // A document in design mode is one big editor.
      if (doc.designMode === 'on') return;
    }
    const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    const top = root.getRootNode();
    const byAttribute = queriesSkipped(root) ? byAttributeIn(root) : null;
    const first = walker.nextNode();
    this.frames.push({
      root,
      walker,
      canJump: typeof walker.nextSibling === 'function' && typeof walker.parentNode === 'function',
      block: new BlockBuilder(this.ready, top !== doc && 'host' in top ? (top as ShadowRoot) : undefined),
      node: first,
      nodeParent: first?.parentNode ?? null,
      open: [root],
      openIsBlock: [false],
      skipping: null,
      skippedByAttribute: byAttribute?.skipped ?? null,
      sitePartsByRole: byAttribute?.siteParts ?? null,
      // A rescan of a part of the site's header reads it as the walk of the page does; a shadow root or a frame is a page of its own.
      sitePart: root.nodeType === ELEMENT_NODE ? siteHeaderOrFooterAt(root as Element) : null,
      done: [undefined, null],
      doneBefore: [],
      openNext: [null],
      detour: null,
    });
    // A rescan may start at a shadow host: its shadow root is read first, as the walk of the page reads it.
    if (root.nodeType === ELEMENT_NODE) this.enterShadowOf(root as Element);
  }

  /**
   * Reads `el`'s open shadow root next, if it has one: where the host stands,
   * before its children. The text before the host (`block`) stays a block apart.
   */
  private enterShadowOf(el: Element, block?: BlockBuilder): void {
    const shadow = this.options.shadowRoots !== false ? el.shadowRoot : null;
    if (!shadow) return;
    block?.flush();
    // The frame of the host stops here until the shadow root is read.
    this.stop(null);
    this.options.onShadowRoot?.(shadow);
    this.enter(shadow);
  }

  /**
   * The first place along the walk's path, from its root down, where the page took out or moved the element the walk
   * is in or the node it reads next: where the node read before it there no longer comes before it. Null where nothing
   * tells of a change (the node read before was taken out too).
   */
  private breakIn(frame: Frame): Break | null {
    const { open, node } = frame;
    // Taken from where they stood first: what looks moved higher up may be only what the page put there.
    for (let depth = 1; depth < open.length; depth++) {
      if (open[depth]!.parentNode !== open[depth - 1]) return { depth, target: open[depth]!, lost: true, anchor: null };
    }
    if (node && node.parentNode !== frame.nodeParent) return { depth: open.length, target: node, lost: true, anchor: null };
    for (let depth = 1; depth < open.length; depth++) {
      const found = this.linkBroken(frame, depth, open[depth]!);
      if (found) return found;
    }
    return node ? this.linkBroken(frame, open.length, node) : null;
  }

  /** Whether `target`, the element the walk is in at `depth` or the node it reads next, no longer follows what was read before it. */
  private linkBroken(frame: Frame, depth: number, target: Node): Break | null {
    const parent = frame.open[depth - 1]!;
    for (const anchor of [frame.done[depth], frame.doneBefore[depth]]) {
      if (anchor === undefined) return null;
      if (anchor !== null && anchor.parentNode !== parent) continue;
      return this.after(frame, anchor, parent) === target ? null : { depth, target, lost: false, anchor };
    }
    return null;
  }

  /**
   * Puts the walk back after what the page changed at `found`: on after the last node read before it that stands where
   * it stood, reading the nodes now between them, or on in `target` if it is the page that moved. `later`: the walk is
   * in an element whose shadow root the frames above read: a move that needs the walk put elsewhere waits for the next
   * pause, once they are read, or it would read what stands before the element after its shadow root.
   */
  private mend(frame: Frame, found: Break, later: boolean): void {
    frame.detour = null;
    const { depth, target, anchor } = found;
    const parent = frame.open[depth - 1]!;
    if (found.lost) return this.place(frame, this.goOnFrom(frame, depth));
    // The node read last moved away from before `target`: what comes before `target` now was read all the same. Not when
    // it stands right after `target`, as when the page moved `target` back over it: going on after it is right either way.
    if (anchor !== null && anchor === frame.done[depth] && this.follows(frame, frame.doneBefore[depth], parent, target)) {
      if (this.after(frame, target, parent) !== anchor) return;
    }
    if (anchor && !target.contains(anchor) && precedes(target, anchor)) {
      frame.detour = { leave: target, anchor, parent };
      return;
    }
    if (later) return;
    const path = depth < frame.open.length ? pathFrom(frame, depth) : null;
    this.place(frame, this.after(frame, anchor, parent));
    if (path) frame.detour = { at: target, depth, path };
  }

  /** Whether `target` comes right after `before` in `parent` (null: at its start), `before` being where it was. */
  private follows(frame: Frame, before: Node | null | undefined, parent: Node, target: Node): boolean {
    if (before === undefined || (before !== null && before.parentNode !== parent)) return false;
    return this.after(frame, before, parent) === target;
  }

  /**
   * Where the walk goes on in the element at `depth - 1` once the page took out what it was reading there: at the node
   * that came after it, past what the page put in its place (a region re-rendered at every pause would be read from its
   * start again and again); else after the node read last before it; else past the element (the page replaced all of it).
   */
  private goOnFrom(frame: Frame, depth: number): Node | null {
    const parent = frame.open[depth - 1]!;
    const next = depth < frame.open.length ? frame.openNext[depth] : null;
    if (next && next.parentNode === parent) return next;
    const last = frame.done[depth];
    const before = frame.doneBefore[depth];
    const inPlace = (node: Node | null | undefined) => node === null || (node !== undefined && node.parentNode === parent);
    // The node read last, unless the page moved it back before the one read before it too.
    if (inPlace(last) && !(last && before && inPlace(before) && precedes(last, before))) return this.after(frame, last!, parent);
    if (last !== undefined && inPlace(before)) return this.after(frame, before!, parent);
    return parent === frame.root ? null : nextOutside(frame.walker, parent, frame.root);
  }

  /** Turns the walk where a detour set by `mend` says, once it gets there. */
  private takeDetour(frame: Frame): void {
    const detour = frame.detour!;
    const node = frame.node;
    if ('at' in detour) {
      if (node !== detour.at) return;
      frame.detour = null;
      this.putBack(frame, detour);
      return;
    }
    if (node && detour.leave.contains(node)) return;
    frame.detour = null;
    const { anchor, parent } = detour;
    if (anchor.parentNode === parent && frame.root.contains(anchor)) this.place(frame, nextOutside(frame.walker, anchor, frame.root));
  }

  /** Puts the walk back inside the element it was in, which it came to again where the page moved it (mend). */
  private putBack(frame: Frame, { at, depth, path }: Return): void {
    const { open, openIsBlock, openNext, done, doneBefore } = frame;
    // The walk was done with it but for closing it, or the page took it elsewhere again: on past it.
    const inside = path.node && at.contains(path.node) && at.parentNode === open[depth - 1];
    if (!inside) return this.place(frame, nextOutside(frame.walker, at, frame.root));
    frame.block.flush();
    for (const list of [open, openIsBlock, openNext]) list.length = depth;
    open.push(...path.open);
    openIsBlock.push(...path.openIsBlock);
    openNext.push(...path.openNext);
    done.splice(depth, Infinity, shownBefore(at), ...path.done);
    doneBefore.splice(depth, Infinity, undefined, ...path.doneBefore);
    if (path.sitePart && path.open.includes(path.sitePart)) frame.sitePart = path.sitePart;
    frame.node = path.node;
    frame.nodeParent = path.nodeParent;
    // What the page changed inside it meanwhile, looked at as after any pause (only the frame on top takes a detour).
    this.look(frame, this.frames.length - 1);
  }

  /** The node the walk comes to after `done` (its subtree read or skipped), or at the start of `parent` for null. */
  private after(frame: Frame, done: Node | null, parent: Node): Node | null {
    const { walker } = frame;
    if (done) return nextOutside(walker, done, frame.root);
    walker.currentNode = parent;
    return walker.nextNode();
  }

  /**
   * Puts the walk at `node` (null: at the end of the root), as if it had read all that stands before it: the elements
   * around it open, what the page has before each counted as read. The text gathered so far is a block of its own.
   */
  private place(frame: Frame, node: Node | null): void {
    const { open, openIsBlock, openNext, done, doneBefore } = frame;
    frame.block.flush();
    frame.node = node;
    if (!node) return;
    frame.nodeParent = node.parentNode;
    frame.walker.currentNode = node;
    const path: Element[] = [];
    let at = node.parentNode;
    for (; at && open.lastIndexOf(at) < 0; at = at.parentNode) path.push(at as Element);
    if (!at) {
      frame.node = null;
      return;
    }
    const depth = open.lastIndexOf(at) + 1;
    while (open.length > depth) {
      if (open.pop() === frame.sitePart) frame.sitePart = null;
      openIsBlock.pop();
      openNext.pop();
    }
    for (const el of path.reverse()) {
      done[open.length] = shownBefore(el);
      doneBefore[open.length] = undefined;
      open.push(el);
      openIsBlock.push(BLOCK_TAGS.has(el.localName));
      openNext.push(shownAfter(el));
      if (frame.sitePart === null && this.isSitePart(frame, el, el.localName, frame.sitePartsByRole ? 0 : byAttribute(el))) frame.sitePart = el;
    }
    done[open.length] = shownBefore(node);
    doneBefore[open.length] = undefined;
  }

  /** Whether `el` is the site's header or footer (menus.ts); `kind` is what its attributes make it, if the walk asked them. */
  private isSitePart(frame: Frame, el: Element, tag: string, kind: number): boolean {
    if (isSiteHeaderOrFooterTag(el, tag)) return true;
    const byRole = frame.sitePartsByRole;
    return byRole ? byRole.size > 0 && byRole.has(el) : kind === SITE_PART;
  }

  /** Visits `frame.node` and moves the frame to the next node. */
  private step(frame: Frame): void {
    const { walker, open, openIsBlock, block } = frame;
    const node = frame.node!;
    const parent = node.parentNode;
    while (open.length > 1 && open[open.length - 1] !== parent) {
      const closed = open.pop()!;
      frame.openNext.pop();
      if (openIsBlock.pop()) block.flush();
      if (closed === frame.skipping) frame.skipping = null;
      if (closed === frame.sitePart) frame.sitePart = null;
      doneWith(frame, closed);
    }
    if (frame.skipping) {
      // Still tracked as open, or their children would look like exits from `skipping`.
      if (node.nodeType === ELEMENT_NODE) {
        open.push(node);
        openIsBlock.push(false);
        frame.openNext.push(null);
      }
      frame.node = walker.nextNode();
      return;
    }
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      block.add(node as Text);
      doneWith(frame, node);
      frame.node = walker.nextNode();
      return;
    }
    if (type !== ELEMENT_NODE) {
      doneWith(frame, node);
      frame.node = walker.nextNode();
      return;
    }

    const el = node as Element;
    const tag = el.localName;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) block.flush();

    const skipped = frame.skippedByAttribute;
    const kind = skipped ? (skipped.size > 0 && skipped.has(el) ? SKIPPED : 0) : byAttribute(el);
    // Links are asked only inside the site's header or footer: on a page of 10,000 links, the rest are asked nothing.
    if (isSkippedTag(tag) || isOurs(el, tag) || isSkippedNav(el, tag) || kind === SKIPPED || (tag === 'a' && frame.sitePart !== null && isMenuLink(el))) {
      if (frame.canJump) {
        doneWith(frame, el);
        frame.node = nextOutside(walker, el, frame.root);
      } else {
        frame.skipping = el;
        open.push(el);
        openIsBlock.push(isBlock);
        frame.openNext.push(null);
        frame.node = walker.nextNode();
      }
      const inner = (tag === 'iframe' || tag === 'frame') && this.options.frameDocument?.(el);
      if (inner) this.enter(inner);
      return;
    }

    open.push(el);
    openIsBlock.push(isBlock);
    frame.openNext.push(shownAfter(el));
    frame.done[open.length] = null;
    if (frame.sitePart === null && this.isSitePart(frame, el, tag, kind)) frame.sitePart = el;
    frame.node = walker.nextNode();
    // Autonomous custom elements (a hyphen in the name), as the screen reads them: a customized built-in (is="…") defined
    // late is read with the next change around it, as asking every element would cost the walk about a tenth more.
    if (this.options.onUndefined && tag.includes('-') && !el.matches(':defined')) this.options.onUndefined(el);
    this.enterShadowOf(el, block);
  }
}

/**
 * Whether the elements under `root` skipped for an attribute are found in one query up front: for a document, a
 * shadow root or the whole body (not one block of a rescan) of at most ONE_QUERY_ELEMENTS.
 */
function queriesSkipped(root: Document | ShadowRoot | Element): boolean {
  const doc = root.ownerDocument;
  const whole = root.nodeType !== ELEMENT_NODE || root === doc?.body || root === doc?.documentElement;
  return whole && !holdsMoreElements(root, ONE_QUERY_ELEMENTS);
}

/** The state of `frame`'s walk inside the element at `depth`, to be put back once the walk comes to it again. */
function pathFrom(frame: Frame, depth: number): Path {
  const end = frame.open.length + 1;
  return {
    node: frame.node,
    nodeParent: frame.nodeParent,
    open: frame.open.slice(depth),
    openIsBlock: frame.openIsBlock.slice(depth),
    openNext: frame.openNext.slice(depth),
    done: frame.done.slice(depth + 1, end),
    doneBefore: frame.doneBefore.slice(depth + 1, end),
    sitePart: frame.sitePart,
  };
}

/** Notes that the walk is done with `node`, a child of the last open element: read, or skipped. */
function doneWith(frame: Frame, node: Node): void {
  const depth = frame.open.length;
  frame.doneBefore[depth] = frame.done[depth];
  frame.done[depth] = node;
}

/** Whether a walk visits `node`: an element or text, not a comment. */
function isShown(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE;
}

/** The sibling before `node` that a walk visits. */
function shownBefore(node: Node): Node | null {
  let at = node.previousSibling;
  while (at && !isShown(at)) at = at.previousSibling;
  return at;
}

/** The sibling after `node` that a walk visits. */
function shownAfter(node: Node): Node | null {
  let at = node.nextSibling;
  while (at && !isShown(at)) at = at.nextSibling;
  return at;
}

/** Whether `a` comes before `b` in the document (Node.DOCUMENT_POSITION_PRECEDING, without the Node global). */
function precedes(a: Node, b: Node): boolean {
  return (b.compareDocumentPosition(a) & 2) !== 0;
}

/** The node after `el`'s subtree in the walk, without visiting the subtree. */
function nextOutside(walker: TreeWalker, el: Node, root: Node): Node | null {
  walker.currentNode = el;
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    const parent = walker.parentNode();
    if (!parent || parent === root) return null;
  }
}

/**
 * The text blocks under `root`, in document order; the blocks of an open
 * shadow root or a same-origin frame come where their host element stands.
 */
export function collectBlocks(root: Document | ShadowRoot | Element, options: CollectOptions = {}): TextBlock[] {
  const reader = new BlockReader(root, { shadowRoots: options.shadowRoots, frameDocument: options.frames === false ? undefined : frameDocument });
  const out: TextBlock[] = [];
  for (let block = reader.next(); block; block = reader.next()) out.push(block);
  return out;
}

/** Index of the last node whose data starts at or before `offset` (strictly before, if `before`). */
function nodeAt(starts: readonly number[], offset: number, before: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!before && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Text node positions of block offsets [start, end). A start on a node
 * boundary lands at the beginning of the next node and an end at the end of
 * the previous one, so a range never reaches into a node it has no text of.
 */
export function mapSpanToNodes(block: TextBlock, start: number, end: number): NodeRange {
  const first = nodeAt(block.starts, start, false);
  const last = end > start ? nodeAt(block.starts, end, true) : first;
  return {
    startNode: block.nodes[first]!,
    startOffset: start - block.starts[first]!,
    endNode: block.nodes[last]!,
    endOffset: end - block.starts[last]!,
  };
}

/**
 * The nearest block-level element around `node` (within `root`): the unit a
 * change is rescanned in, since inline text joins across its children. Where
 * no block element stands between them, `root` itself (when it is an element
 * or a shadow root); null when the change is outside `root` or in what the walk never reads.
 */
export function closestBlock(node: Node, root: Element): Element | null;
export function closestBlock(node: Node, root: Element | ShadowRoot): Element | ShadowRoot | null;
export function closestBlock(node: Node, root: Node): Element | ShadowRoot | null {
  if (node === root) return root.nodeType === ELEMENT_NODE || isShadowRoot(root) ? (root as Element | ShadowRoot) : null;
  let block: Element | null = null;
  let top: Node = node;
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  for (; el && el !== root; el = el.parentElement) {
    // A change inside an editor, a script or our own UI is never read.
    if (isSkipped(el, el.localName)) return null;
    if (!block && BLOCK_TAGS.has(el.localName)) block = el;
    top = el;
  }
  if (el) return block ?? (root as Element);
  // The top of a shadow tree has no parent element: its parent is the shadow root.
  if (isShadowRoot(root) && top.parentNode === root) return block ?? root;
  return null;
}

/** Whether the walk reads `node`'s text: no skipped element stands between it and `root` (a shadow root's top counts as the root). */
export function isReadable(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (isSkipped(el, el.localName)) return false;
  return true;
}

/** Whether the walk never reads `el`'s text: it, or an element around it in its tree, is skipped (hidden, an editor, a script…). */
export function isUnreadElement(el: Element): boolean {
  return isSkipped(el, el.localName) || !isReadable(el, el.ownerDocument);
}

/** An element that starts a block of its own (decided by tag name, as the walk does). */
export function isBlockElement(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName);
}
