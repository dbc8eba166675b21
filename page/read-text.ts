/**
 * A root's text as the screen reads it: every text node's data in tree order,
 * less the text of the elements nobody reads and pages fill with the most text.
 * A news page's inline scripts (JSON state, ad configuration) and styles often
 * hold more text than its articles, up to a megabyte: reading them would cost
 * more than everything else the screen does, and the names in them (in
 * related-article data, in country lists) are never mentions.
 */

const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;

/**
 * Found in one native query. Other elements the annotator skips (hidden content,
 * form fields, our own UI) are told apart where a name is found, node by node:
 * they hold little text.
 */
const UNREAD = 'script,style,noscript,textarea,select,datalist,title,desc';

export interface ReadText {
  text: string;
  /**
   * Where each run of text between unread elements starts in `text` (the
   * first at 0), and the element it follows (null for the first run).
   */
  runs: { start: number; after: Element | null }[];
}

export function readText(root: Element | ShadowRoot): ReadText {
  const unread = root.nodeType === ELEMENT_NODE ? outermost(root.querySelectorAll(UNREAD)) : [];
  // Ranges in a shadow root throw in some engines; shadow roots hold little text.
  if (unread.length === 0) return { text: root.textContent ?? '', runs: [{ start: 0, after: null }] };
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
 * A walker over the text nodes of `root` from the start of `run` on: the text
 * nodes it returns make up the run's text, in order, and then what follows.
 */
export function textNodesOf(root: Element | ShadowRoot, run: ReadText['runs'][number]): TreeWalker {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  if (run.after) {
    // Past the whole of the element: a walker set on a node goes on after it, in tree order.
    let last: Node = run.after;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
  }
  return walker;
}
