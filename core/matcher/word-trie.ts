/**
 * A regular expression for a set of words, written in the shape of their
 * trie: "Ki(?:m|rby)" rather than "Kim|Kirby". V8 then tests a place's first
 * letter once rather than once per word, which on news text makes the search
 * three times faster (measured: 4 against 12 ms over 4 MiB).
 */

const SYNTAX = /[\^$\\.*+?()[\]{}|/]/g;

/**
 * The expression's source. A word that another one begins with stops the
 * branch there ("US" covers "USA"): callers want where words start, not which.
 * `between` goes between every two letters (a class of characters to ignore).
 */
export function trieExpression(words: readonly string[], between = ''): string {
  const branch = (group: readonly string[], depth: number): string => {
    if (group.some((word) => word.length === depth)) return '';
    const byLetter = new Map<string, string[]>();
    for (const word of group) {
      const letter = word[depth]!;
      const list = byLetter.get(letter);
      if (list) list.push(word);
      else byLetter.set(letter, [word]);
    }
    const branches = [...byLetter].map(
      ([letter, rest]) => (depth > 0 ? between : '') + letter.replace(SYNTAX, '\\$&') + branch(rest, depth + 1),
    );
    return branches.length === 1 || depth === 0 ? branches.join('|') : `(?:${branches.join('|')})`;
  };
  return words.length === 0 ? '' : branch(words, 0);
}
