/**
 * The parts of a page that speak of different things: the articles of a front
 * page or of a live blog. A phrase naming another place of a name ("Moscow,
 * Idaho") speaks for the article it stands in, not for the page's other
 * stories (MatchState.parts). Only what the page marks as an article counts:
 * a list item or a section is as often a bullet or a chapter of one story.
 */
import type { Matcher, MatchState, Span } from '../core/matcher/types';
import type { TextBlock } from './text-walk';

const PART = 'article,[role=article]';

/** The articles around `node`, innermost first, in its own tree. */
export function partsAround(node: Node): Element[] {
  const parts: Element[] = [];
  for (let at = node.parentElement?.closest(PART); at; at = at.parentElement?.closest(PART)) parts.push(at);
  return parts;
}

/** The innermost article around `node`, if any. */
export function partAround(node: Node): Element | undefined {
  return node.parentElement?.closest(PART) ?? undefined;
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
