import { composedParent, shadowRootOf } from './composed-order';
import { holdsText, holdsTextInside } from './holds-text';
import { laidOutBlock } from './laid-out-block';
import { isOwnHost } from './own-hosts';
import { closestBlock, isBlockElement, isUnreadElement } from './text-walk';

/**
 * Above this many added nodes in one batch, one rescan of the page beats many
 * small ones; on a large page, only once the change is a fair share of it.
 */
export const COARSE_RESCAN_NODES = 1000;
const COARSE_SHARE = 0.25;

/**
 * The attributes that decide whether the walk reads an element: content shown
 * (`hidden` taken away: "Read more") is read, content made editable is dropped.
 */
export const READ_ATTRIBUTES = ['hidden', 'contenteditable'];
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
/** Nodes looked at in what the page took out, to tell whether it held a mention; past this, it is taken to have. */
const MAX_REMOVED_NODES_LOOKED_AT = 2048;
const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: READ_ATTRIBUTES };

export interface DirtyWork {
  /** Blocks to rescan (a shadow root with no block element in it is one), none inside another. */
  roots: (Element | ShadowRoot)[];
  /** Nodes were removed: mentions in them must go. */
  removed: boolean;
  /**
   * Nodes holding mentions that the page moved (taken out and put back
   * elsewhere: a feed bumping an entry to the top, a list sorted): their old
   * mentions stand where the nodes were, out of reading order, and must go
   * before the nodes are read again where they are now.
   */
  moved: Node[];
  /** So much changed that the whole page is rescanned. */
  coarse: boolean;
  /** The page replaced its root element (document.open and write). */
  replaced: boolean;
  /**
   * Where the page changed what the walk reads, since the last work handed out
   * (its added nodes, the parents of what it took out, changed text, switched
   * elements, nodes to read again): the text before all of these in a block is
   * as it was. Null when there were too many to keep: take all of it as changed.
   */
  changed: Node[] | null;
}

/** Change points kept for one piece of work (DirtyWork.changed): past this, it says everything changed. */
const MAX_CHANGED = 4096;

/**
 * Keeps what the page changed, and nothing more: the observer's callback runs
 * at the end of the page's own task, so it only stores the records; they are
 * read later, in a slice of our own, and the page's mutations cost no more than before.
 */
export class MutationWatcher {
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<ShadowRoot>();
  private pending: MutationRecord[][] = [];
  private readonly dirty = new Set<Node>();
  /** Elements shown or hidden, made editable or not: read again, or their mentions dropped. */
  private readonly switched = new Set<Element>();
  private added = 0;
  private removed = false;
  private readonly moved = new Set<Node>();
  /** The page replaced its root element (document.open and write, or by hand): all of it is new. */
  private replaced = false;
  /** DirtyWork.changed, gathered until work is handed out: kept over a take that hands out none. */
  private changed: Node[] | null = [];
  private readonly doc: Document;

  constructor(
    root: Element,
    private readonly onDirty: () => void,
    /** Text nodes the page had at its last full scan. */
    private readonly pageTextNodes: () => number = () => 0,
    /** Whether a mention started or ended in this text node (MentionStore.touches): never no for one that did. */
    private readonly heldMention: (node: Text) => boolean = () => true,
  ) {
    this.observer = new MutationObserver((records) => {
      this.pending.push(records);
      if (this.pending.length === 1) this.onDirty();
    });
    this.doc = root.ownerDocument;
    // The document itself, not its root element: document.open() and write() replace that element.
    this.observer.observe(this.doc, OPTIONS);
  }

  /** The page's root element now. */
  private get root(): Element {
    return this.doc.documentElement;
  }

  /** Watches an open shadow root too: what changes inside it is not seen from the document. */
  observe(shadowRoot: ShadowRoot): void {
    if (this.observed.has(shadowRoot)) return;
    this.observed.add(shadowRoot);
    this.observer.observe(shadowRoot, OPTIONS);
  }

  /**
   * A custom element that got its shadow root since it was read (its script
   * defined it later): no mutation record tells of that. Read again where it
   * stands, unless a rescan has read that shadow root already.
   */
  upgraded(host: Element): void {
    const shadow = host.shadowRoot;
    if (!shadow || this.observed.has(shadow) || !host.isConnected) return;
    this.dirty.add(host);
    this.changedAt(host);
    this.onDirty();
  }

  /** Nodes to read again though the page did not change them: what comes before them did (MatchPlaces.takeStale). */
  readAgain(nodes: readonly Node[]): void {
    if (nodes.length === 0) return;
    for (const node of nodes) {
      this.dirty.add(node);
      this.changedAt(node);
    }
    this.onDirty();
  }

  disconnect(): void {
    this.observer.disconnect();
    this.pending = [];
    this.changed = [];
    this.moved.clear();
    this.dirty.clear();
    this.switched.clear();
  }

  private changedAt(node: Node): void {
    if (!this.changed) return;
    if (this.changed.length < MAX_CHANGED) this.changed.push(node);
    else this.changed = null;
  }

  private collect(records: readonly MutationRecord[]): void {
    for (const record of records) {
      if (record.target.nodeType === DOCUMENT_NODE) {
        this.replaced ||= record.addedNodes.length > 0;
        continue;
      }
      if (isOurs(record.target)) continue;
      if (record.type === 'attributes') {
        this.switched.add(record.target as Element);
        this.changedAt(record.target);
        continue;
      }
      if (record.type === 'characterData') {
        this.dirty.add(record.target);
        this.changedAt(record.target);
        continue;
      }
      // What it took out stood inside its parent: all of the parent counts as changed.
      for (const node of record.removedNodes) {
        if (isOurs(node)) continue;
        this.changedAt(record.target);
        break;
      }
      // Only text that held a mention has the whole list checked for what left the page: a ticking clock's old text did not,
      // nor what is back on the page by now (moved, below), whose mentions go by a walk of it, not a check of the whole list.
      if (!this.removed) for (const node of record.removedNodes) if (!node.isConnected && this.mayHoldMention(node)) this.removed = true;
      // Taken out and back on the page by now: moved.
      for (const node of record.removedNodes) if (node.isConnected && !this.moved.has(node) && this.mayHoldMention(node)) this.moved.add(node);
      let inline = false;
      let block = false;
      for (const node of record.addedNodes) {
        if (isOurs(node)) continue;
        this.added++;
        this.changedAt(node);
        // A new block (a feed entry, a paragraph) holds its own text: only it is read again.
        if (isBlockElement(node)) {
          this.dirty.add(node);
          block = true;
        }
        // So does an inline element put under <body> with no text beside it (a toast's host, a widget's root): read alone, or
        // not at all while it holds nothing; else the whole page would be read again, for a thing that changes no text around it.
        else if (this.apartUnderBody(node)) {
          // Not defined yet, it may bring a shadow root later, which only the walk of what holds it waits for (UpgradeWatch).
          if (awaitsDefinition(node as Element)) inline = true;
          else if (bringsText(node as Element)) this.dirty.add(node);
        }
        // A script, a style or an empty wrapper changes no text: the block around it is not read again
        // (a tag manager appending scripts to <body> would have the whole page read at each one).
        else if (changesRun(node, record)) inline = true;
      }
      for (const node of record.removedNodes) {
        if (isBlockElement(node)) block = true;
        // Taken from under <body> with no text beside it: what it held goes with `removed`, no text around it changed.
        else if (node.nodeType === ELEMENT_NODE && record.target === this.doc.body && !besideRunOfText(record)) continue;
        else if (changesRun(node, record)) inline = true;
      }
      // Inline text added or taken out joins what is around it, and so does a block (a <br>) taken out
      // from between two runs of text, or put in between them: the whole block is read again.
      if (inline || (block && betweenRunsOfText(record))) this.dirty.add(record.target);
    }
  }

  /** Whether a node the page took out held a mention's text (its shadow roots are not looked into: those say yes). */
  private mayHoldMention(node: Node): boolean {
    if (node.nodeType === TEXT_NODE) return this.heldMention(node as Text);
    if (node.nodeType !== ELEMENT_NODE || isOurs(node)) return false;
    const walker = node.ownerDocument!.createTreeWalker(node, SHOW_ELEMENT_AND_TEXT);
    for (let at: Node | null = node, looked = 0; at; at = walker.nextNode(), looked++) {
      if (looked > MAX_REMOVED_NODES_LOOKED_AT) return true;
      if (at.nodeType === TEXT_NODE ? this.heldMention(at as Text) : (at as Element).shadowRoot !== null) return true;
    }
    return false;
  }

  /** What changed since the last call, as work to do; null when nothing did (or only our own UI). */
  take(): DirtyWork | null {
    for (const records of this.pending) this.collect(records);
    this.pending = [];
    if (this.dirty.size === 0 && this.switched.size === 0 && !this.removed && !this.replaced && this.moved.size === 0) return null;
    const coarse = this.replaced || this.added > Math.max(COARSE_RESCAN_NODES, this.pageTextNodes() * COARSE_SHARE);
    const blocks = new Set<Node>();
    if (!coarse) {
      for (const node of this.dirty) {
        if (!node.isConnected) continue;
        const block = this.blockOf(node);
        if (block) blocks.add(block);
      }
      for (const element of this.switched) {
        if (!element.isConnected) continue;
        if (isUnreadElement(element)) {
          const block = this.unreadRoot(element);
          if (block) blocks.add(block);
        }
        else {
          const block = this.blockOf(element);
          if (block) blocks.add(block);
        }
      }
    }
    // A block inside another dirty block (or its host's) is read with it: walk up, not across (thousands of blocks at once).
    const roots = [...blocks].filter((block) => {
      for (let up = composedParent(block); up; up = composedParent(up)) if (blocks.has(up)) return false;
      return true;
    }) as (Element | ShadowRoot)[];
    const moved = [...this.moved].filter((node) => node.isConnected);
    const work = { roots, removed: this.removed, moved, coarse, replaced: this.replaced, changed: this.changed };
    this.changed = [];
    this.moved.clear();
    this.dirty.clear();
    this.switched.clear();
    this.added = 0;
    this.removed = false;
    this.replaced = false;
    return work;
  }

  /**
   * What to read again for an element the walk no longer reads: the element itself, whose rescan finds nothing in
   * it, which drops what it held. An inline one's text was part of its block's, whose reading must lose it too (a
   * full name it showed, above a short form below), unless it stood apart under <body>: there the block is the
   * whole page, read again for a toast hidden. Null when it holds nothing to drop.
   */
  private unreadRoot(element: Element): Element | ShadowRoot | null {
    if (isBlockElement(element) || !element.parentNode) return element;
    if (this.apartUnderBody(element)) return bringsText(element) ? element : null;
    return this.blockOf(element.parentNode) ?? element;
  }

  /** Whether `node` is an element right under <body> with no text beside it: the walk reads its text as a block of its own. */
  private apartUnderBody(node: Node): boolean {
    const body = this.doc.body;
    return node.nodeType === ELEMENT_NODE && body !== null && node.parentNode === body && standsApart(node as Element, body);
  }

  /** The block to read again for a change at `node`; null when the change is in something never read. */
  private blockOf(node: Node): Element | ShadowRoot | null {
    // Within its own tree: the walk enters a shadow root from its host, and a rescan may start inside it.
    const shadow = shadowRootOf(node);
    const block = closestBlock(node, shadow ?? this.root);
    const body = this.root.ownerDocument.body;
    // No block tag around it but the page's own: an element laid out as a block (a custom one) is read again instead of the whole
    // page, unless the walk, which goes by tags, joined its text with text beside it.
    if (!shadow && (block === this.root || (block === body && node !== body))) {
      // Laid out inline or not, an element right under <body> with no text beside it is read alone (a toast's host).
      if (this.apartUnderBody(node)) return node as Element;
      const laidOut = laidOutBlock(node, block as Element);
      if (laidOut && standsApart(laidOut, block as Element)) return laidOut;
    }
    return block;
  }
}

/** Whether no inline text stands beside `element`, or beside an element around it inside `outer`: the walk reads it as a block of its own. */
function standsApart(element: Element, outer: Element): boolean {
  for (let el: Element | null = element; el && el !== outer; el = el.parentElement) {
    if (endsRunOfText(el.previousSibling, 'previousSibling') || endsRunOfText(el.nextSibling, 'nextSibling')) return false;
  }
  return true;
}

/**
 * Whether an inline node added or taken out changes the run of text it stands in: blank text only between two
 * runs, which it splits or joins (the blank lines around a dialog put under <body> change none).
 */
function changesRun(node: Node, record: MutationRecord): boolean {
  if (!holdsText(node)) return false;
  return !(node.nodeType === TEXT_NODE && isBlank(node as Text)) || betweenRunsOfText(record);
}

/** Whether `element` is a custom element the page has yet to define. */
function awaitsDefinition(element: Element): boolean {
  return element.localName.includes('-') && !element.matches(':defined');
}

/** Whether an element can bring text where it stands on its own: text in it, or a shadow root. */
function bringsText(element: Element): boolean {
  return element.shadowRoot !== null || holdsTextInside(element);
}

/** Whether the nodes a record added or removed stand between two runs of inline text. */
function betweenRunsOfText(record: MutationRecord): boolean {
  return runBeside(record, 'previousSibling') && runBeside(record, 'nextSibling');
}

/** Whether a run of inline text ends next to the nodes a record added or removed, on either side. */
function besideRunOfText(record: MutationRecord): boolean {
  return runBeside(record, 'previousSibling') || runBeside(record, 'nextSibling');
}

type Step = 'previousSibling' | 'nextSibling';

/** Siblings looked at past comments, blank text and empty inline elements, to find the text beside a change. */
const MAX_SIBLINGS_LOOKED_AT = 8;
/** Inline elements around a change looked out of, where it stands at their edge, to find the text beside it. */
const MAX_INLINE_EDGES = 8;

/**
 * Whether a run of inline text ends next to the nodes a record added or removed, on the `step` side. Where they
 * stand at the edge of an inline element (a link, a <span>), the text on that side is outside it: it is looked
 * for from that element on, and out of the inline elements around it up to their block. A <br> or an <img> at the
 * end of "<a>Vladimir</a>Putin" splits two runs as much as one between two text nodes does. A few parent and
 * sibling links, no more: this runs for every block-level element the page adds or takes out.
 */
function runBeside(record: MutationRecord, step: Step): boolean {
  let beside = nextInRun(record[step], step);
  for (let edge: Node | null = record.target, climbed = 0; beside === null && climbed < MAX_INLINE_EDGES; edge = edge.parentNode, climbed++) {
    if (!edge || edge.nodeType !== ELEMENT_NODE || isBlockElement(edge)) return false;
    beside = nextInRun(edge[step], step);
  }
  return beside !== null && beside !== undefined && !isBlockElement(beside);
}

/**
 * Whether `node`, or the first sibling from it in the `step` direction that is not blank text, a comment or an
 * empty inline element, is inline text. The walk reads on past an icon's empty <i> or a <script>: they end no run.
 */
function endsRunOfText(node: Node | null, step: Step): boolean {
  const beside = nextInRun(node, step);
  return beside !== null && beside !== undefined && !isBlockElement(beside);
}

/**
 * The first node from `node` on in the `step` direction that is not blank text, a comment or an empty inline
 * element: text, an element holding some, or a block. Null when the siblings run out before one, undefined
 * when too many were looked at (taken as no text beside).
 */
function nextInRun(node: Node | null, step: Step): Node | null | undefined {
  for (let looked = 0; node; node = node[step], looked++) {
    if (looked >= MAX_SIBLINGS_LOOKED_AT) return undefined;
    if (node.nodeType === TEXT_NODE) {
      if (!isBlank(node as Text)) return node;
    } else if (node.nodeType === ELEMENT_NODE) {
      if (isBlockElement(node) || holdsText(node)) return node;
    }
  }
  return null;
}

function isBlank(text: Text): boolean {
  return !/\S/.test(text.data);
}

/**
 * Our UI's content sits in shadow roots, which the page's observer does not
 * see into: only the hosts themselves come by.
 */
function isOurs(node: Node): boolean {
  return isOwnHost(node.nodeType === 1 ? node : node.parentElement);
}
