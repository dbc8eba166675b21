/**
 * An Aho-Corasick automaton over folded character classes, laid out in typed
 * arrays so scanning a page allocates nothing per character and never
 * backtracks: each page character costs one table lookup plus, rarely, a few
 * failure hops. Built by build-automaton.ts where the story is compiled, shipped
 * to pages by wire.ts.
 */

/** Class of characters the scanner skips without moving the automaton. */
export const IGNORE_CLASS = 0xffff;

export interface Automaton {
  /** UTF-16 code unit → character class; 0 = in no pattern, IGNORE_CLASS = invisible. */
  classOf: Uint16Array;
  /** The class every whitespace character folds to; runs of it are fed once. */
  spaceClass: number;
  /**
   * The class of dashes: the automaton moves on it as on a space (patterns
   * hold only spaces between words), but a run of dashes is not collapsed.
   */
  dashClass: number;
  /** Root transitions, dense: the root is where the scan spends most of its time. */
  rootNext: Int32Array;
  /** UTF-16 code unit → 1 when some pattern starts with it: lets the scan skip ahead at the root. */
  startsPattern: Uint8Array;
  /**
   * The same for aliases alone, leaving out characters only exclusion phrases
   * start with ("state of Washington"); see runtime.ts. The very same table as
   * startsPattern when there are none.
   */
  startsAlias: Uint8Array;
  /** Other nodes' transitions, sorted by class: node n owns edgeStart[n] .. edgeStart[n + 1]. */
  edgeStart: Int32Array;
  edgeLabel: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  /** First pattern ending exactly at a node, -1 if none; further ones chain through outNext. */
  outHead: Int32Array;
  outNext: Int32Array;
  /** Nearest node on the failure chain that has an output, -1 if none. */
  dict: Int32Array;
  /**
   * Class → the one code unit in it, -1 for a class several characters fold
   * to (spaces, apostrophes, dashes): lets anchors.ts write a pattern's first
   * letters as a literal without reading all of classOf on every page.
   */
  spelling: Int32Array;
  /** Folded length of each pattern, to find where a hit started. */
  patternLength: Int32Array;
  maxLength: number;
}

/** The `spelling` table of classes below `classes`, from every (code unit, class) pair of classOf. */
export function spellingOf(pairs: Iterable<readonly [code: number, cls: number]>, classes: number): Int32Array {
  const spelling = new Int32Array(classes).fill(-1);
  const count = new Int32Array(classes);
  for (const [code, cls] of pairs) {
    if (cls <= 0 || cls >= classes) continue;
    count[cls]!++;
    spelling[cls] = count[cls] === 1 ? code : -1;
  }
  return spelling;
}
