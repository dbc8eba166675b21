/**
 * The parts of a page that speak of different things: the articles of a front
 * page or of a live blog, and the strips beside the page's content (a ticker or
 * a weather box in the masthead, a sidebar, the footer). A phrase naming
 * another place of a name ("Moscow, Idaho") speaks for the part it stands in,
 * not for the page's other stories (MatchState.parts): a ticker's "Moscow,
 * Idaho" or a weather box's "Seattle, Washington" leaves the Moscow and the
 * Washington of the article below the story's. Only what the page marks as an
 * article counts: a list item or a section is as often a bullet or a chapter of
 * one story.
 */
import type { Matcher, MatchState, Span } from '../core/matcher/types';
import type { TextBlock } from './text-walk';

const PART = 'article,[role=article]';

/** Where a phrase speaks for the page, not for a strip: its content, its articles, and its title. */
const CONTENT = 'main,[role=main],article,[role=article],h1';

/** Strips beside the content as the page marks them, for a page that does not mark its content. */
const BESIDE = 'header,footer,nav,aside,[role=banner],[role=contentinfo],[role=navigation],[role=complementary]';

/**
 * The strip beside the page's content that `node` stands in, if any: with a
 * `<main>` or `role="main"`, the outermost element around the node that does
 * not hold it (a ticker above it is a plain `<div>` as often as not); without,
 * the outermost of the strips the page marks. None for text in the content or
 * its `<h1>`.
 */
function stripAround(node: Node): Element | undefined {
  const from = node.parentElement;
  if (!from || from.closest(CONTENT)) return undefined;
  const main = contentOf(from.ownerDocument);
  let strip: Element | undefined;
  if (main && from.getRootNode() === main.getRootNode()) {
    for (let at: Element | null = from; at && !at.contains(main); at = at.parentElement) strip = at;
    return strip;
  }
  for (let at: Element | null | undefined = from.closest(BESIDE); at; at = at.parentElement?.closest(BESIDE)) strip = at;
  return strip;
}

/** The last `[role=main]` found per document, and documents found to have none in the current task. */
const roleMains = new WeakMap<Document, Element>();
let noRoleMain: WeakSet<Document> | undefined;

/**
 * The page's content: its `<main>`, else the element the page marks `role="main"` (as BBC's and the Guardian's pages
 * do). `<main>` is looked up in a live collection, which the engine keeps; the role needs a search of the page, so its
 * answer is kept while it holds, and its absence for the rest of the task: asked per name once a strip named another
 * place, a search each time would cost a page without either a walk of the page per name.
 */
function contentOf(document: Document): Element | undefined {
  const main = document.getElementsByTagName('main')[0];
  if (main) return main;
  const kept = roleMains.get(document);
  if (kept?.isConnected && kept.getAttribute('role') === 'main') return kept;
  if (noRoleMain?.has(document)) return undefined;
  const found = document.querySelector('[role=main]');
  if (found) {
    roleMains.set(document, found);
    return found;
  }
  if (!noRoleMain) {
    noRoleMain = new WeakSet();
    queueMicrotask(() => (noRoleMain = undefined));
  }
  noRoleMain.add(document);
  return undefined;
}

/** The articles around `node`, innermost first, in its own tree; or the strip beside the content it stands in. */
export function partsAround(node: Node): Element[] {
  const parts: Element[] = [];
  for (let at = node.parentElement?.closest(PART); at; at = at.parentElement?.closest(PART)) parts.push(at);
  if (parts.length > 0) return parts;
  const strip = stripAround(node);
  return strip ? [strip] : parts;
}

/** The innermost part around `node`, if any: the first of partsAround. */
export function partAround(node: Node): Element | undefined {
  return node.parentElement?.closest(PART) ?? stripAround(node);
}

/** The block being scanned, and its articles once the matcher asked: a scan runs start to end in one go. */
let scanned: Node | undefined;
let scannedParts: Element[] | undefined;

function partsOfScanned(): Element[] {
  return (scannedParts ??= partsAround(scanned!));
}

/**
 * Scans `block`, the matcher told which articles it stands in: looked up only when it asks. The state is given the
 * same function for every block: a new closure each time, on the 80,000 blocks of the benchmark's 4 MiB page, made
 * the whole annotation 16-30% slower in V8 (measured alternating), far beyond the closures' own cost.
 */
export function scanBlock(matcher: Matcher, block: TextBlock, state: MatchState): Span[] {
  scanned = block.nodes[0]!;
  scannedParts = undefined;
  state.parts = partsOfScanned;
  const spans = matcher.scan(block.text, state);
  // Not kept past the scan: a node the page removes later must not be held alive here.
  scanned = undefined;
  scannedParts = undefined;
  return spans;
}

/** Numbers parts for keys that must be strings: the same part, the same number, while the page holds it. */
const numbers = new WeakMap<object, number>();
let nextNumber = 0;

export function partNumber(part: object): number {
  let n = numbers.get(part);
  if (n === undefined) numbers.set(part, (n = nextNumber++));
  return n;
}
