/** The variants Backstory is compared with, as they run in the page. */

/**
 * The floor: the least any annotator must do, read every text node once.
 * Reading `data` (not just visiting) makes the engine hand over each string.
 */
export function readAllText(root: Node): { chars: number; nodes: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node as Text).data.length;
    nodes++;
  }
  return { chars, nodes };
}

/**
 * The floor of reading a page's structure too: every element and text node
 * visited in one walk, each element's name looked up among the block tags
 * (where blocks begin and end), each text node's data read. Any annotator
 * that keeps names within blocks and skips scripts must do at least this;
 * Backstory's walk does more (hidden and editable parts, menus, shadow roots).
 */
export function walkStructure(root: Node): { blocks: number; chars: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let blocks = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) chars += (node as Text).data.length;
    else if (STRUCTURE_BLOCKS.has((node as Element).localName)) blocks++;
  }
  return { blocks, chars };
}

const STRUCTURE_BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td',
  'th', 'tr', 'ul', 'script', 'style', 'noscript', 'textarea', 'template',
]);

const UNWRAPPABLE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TITLE', 'OPTION']);

/**
 * The classic way to highlight: a span around every match, one text node at
 * a time (so a name split by tags is missed). Nodes are collected first
 * because replacing them would derail the walker.
 */
export function wrapMentions(root: Node, regexp: RegExp): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const hits: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (UNWRAPPABLE.has(node.parentNode?.nodeName ?? '')) continue;
    regexp.lastIndex = 0;
    if (regexp.test((node as Text).data)) hits.push(node as Text);
  }
  let count = 0;
  for (const node of hits) {
    const data = node.data;
    const fragment = document.createDocumentFragment();
    let last = 0;
    regexp.lastIndex = 0;
    for (let match = regexp.exec(data); match; match = regexp.exec(data)) {
      if (match.index > last) fragment.append(data.slice(last, match.index));
      const span = document.createElement('span');
      span.className = 'bench-mention';
      span.textContent = match[0];
      fragment.append(span);
      last = match.index + match[0].length;
      count++;
    }
    if (last < data.length) fragment.append(data.slice(last));
    node.replaceWith(fragment);
  }
  return count;
}

/** mark.js as its documentation shows it, with the same regex; it works synchronously and reports through `done`. */
export function markWithMarkJs(root: Element, regexp: RegExp): number {
  const Mark = window.Mark;
  if (!Mark) throw new Error('mark.js is not on the page');
  let marks = -1;
  new Mark(root).markRegExp(regexp, { className: 'bench-mention', done: (n) => (marks = n) });
  if (marks < 0) throw new Error('mark.js did not finish synchronously');
  return marks;
}

/** Styles both baselines' elements like Backstory's highlight, so all variants paint the same. */
export const BASELINE_CSS = '.bench-mention { background-color: rgba(255, 200, 40, 0.28); }';
