/**
 * Where in a text the automaton needs to run at all: a regular expression for
 * the first letters of every pattern, read off the automaton the page decoded.
 *
 * Page text is mostly words no name begins with, and the automaton, a loop in
 * script, would otherwise step into every one whose first letter starts some
 * name (most capitals). The engine's own regular-expression search skips that
 * text in native code; the automaton then starts only where a pattern's first
 * word is, and runs as before until it is back at its root.
 */
import { IGNORABLE_CODES } from './chars';
import type { Automaton } from './automaton';
import type { Anchors } from './types';
import { trieExpression } from './word-trie';

/**
 * Letters of a pattern's start kept in the expression: enough to tell "Kim"
 * from "Kiev" and "Putin" from "Put", short enough to keep the expression small.
 */
const ANCHOR_LENGTH = 4;

/**
 * Invisible characters may sit between any two letters of a name
 * ("Rus\u00ADsia"); the scan steps over them. Written with ranges: the class
 * stands between every two letters, and the expression is compiled on every page.
 */
const INVISIBLE = `${rangeClass(IGNORABLE_CODES)}*`;

/** Finds the first invisible character in a text: only text holding one needs the expressions that see through them. */
export const INVISIBLE_CHARACTER = new RegExp(rangeClass(IGNORABLE_CODES));

function rangeClass(codes: readonly number[]): string {
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  const sorted = [...codes].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out += j - i >= 2 ? `${hex(sorted[i]!)}-${hex(sorted[j]!)}` : sorted.slice(i, j + 1).map(hex).join('');
    i = j + 1;
  }
  return `[${out}]`;
}

/**
 * The anchor expressions for text without invisible characters and for text
 * with some (anchorExpressions). V8 compiles an expression at its first
 * search: the story's names with the invisibles' class between every two
 * letters made an expression 18 times the size (16,000 characters against
 * 900), 5–20 ms to compile on every page with names against 0.1–1.7, which
 * most pages, holding no invisible character, never need.
 */
export function anchorsOf(automaton: Automaton, starts: Uint8Array): Anchors | null {
  const withInvisibles = anchorExpressions(automaton, starts);
  const plain = anchorExpressions(automaton, starts, '');
  return withInvisibles && plain ? { plain, withInvisibles } : null;
}

/**
 * Global expressions that together find, in any text, every place where an
 * occurrence of a pattern starting with a character `starts` marks may begin
 * (they find more: only a prefix of each is spelled out), with `between`
 * allowed between any two letters (by default any run of invisible
 * characters; '' for text known to hold none). Null when some
 * pattern begins with a character that has look-alikes (a space or an
 * apostrophe), which a literal cannot spell: the caller then looks at every
 * character.
 *
 * Names starting with a capital and phrases starting in lower case ("state of
 * Washington") go into separate expressions: one expression mixing them is
 * searched five times slower by V8 than the two apart (23 ms against 5 + 3 ms
 * over 4 MiB of news text).
 */
export function anchorExpressions(automaton: Automaton, starts: Uint8Array, between = INVISIBLE): RegExp[] | null {
  const { rootNext, edgeStart, edgeLabel, edgeTarget, outHead, spelling } = automaton;
  const spelled = (cls: number) => spelling[cls]! >= 0;

  // The first letters of every pattern, read off the trie: prefixes end at a
  // pattern's end, at a character with look-alikes, or after ANCHOR_LENGTH letters.
  const prefixes = (node: number, prefix: string, out: string[]) => {
    const from = edgeStart[node]!;
    const to = edgeStart[node + 1]!;
    let stop = outHead[node]! >= 0 || prefix.length >= ANCHOR_LENGTH || from === to;
    for (let e = from; e < to && !stop; e++) stop = !spelled(edgeLabel[e]!);
    if (stop) out.push(prefix);
    else for (let e = from; e < to; e++) prefixes(edgeTarget[e]!, prefix + String.fromCharCode(spelling[edgeLabel[e]!]!), out);
  };
  const capitals: string[] = [];
  const others: string[] = [];
  for (let cls = 1; cls < rootNext.length; cls++) {
    if (rootNext[cls] === 0) continue;
    // Not to be written as a literal: the caller looks at every character instead.
    if (!spelled(cls)) return null;
    if (!starts[spelling[cls]!]) continue;
    const first = String.fromCharCode(spelling[cls]!);
    prefixes(rootNext[cls]!, first, first !== first.toLowerCase() ? capitals : others);
  }
  const expressions = [capitals, others]
    .filter((words) => words.length > 0)
    .map((words) => new RegExp(trieExpression(words, between), 'g'));
  return expressions.length > 0 ? expressions : null;
}
