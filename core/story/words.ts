/**
 * Words as the pack's checks compare a text with the sentence it cites: lower
 * case, apostrophes folded, one word in any of its forms ("visited" is "visit").
 */

/** Words that carry no claim of their own; the pack is written in English. */
export const FUNCTION_WORDS = new Set(
  ('a an the of in on at to for with by from and or is are was were be been has have had its his her their s that which ' +
    'who whom whose where this these those as also into it he she they them than then there').split(' '),
);

/** Lower case, apostrophes folded, a possessive's ending dropped: "Russia’s" is "russia". */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[‘’‚‛`´]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'s?$/g, ''))
    .filter((word) => word !== '');
}

/** A word without its inflection: "supplied", "supplying" and "supplies" are "suppl(y)". */
export function stem(word: string): string {
  return word.replace(/i(?:es|ed)$/, 'y').replace(/(?:ing|ed|es|s|e)$/, '');
}

/** One is the other, or begins it (a word and one made from it: "accus" in "accusation"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.length >= 5 && longer.startsWith(shorter);
}

/** `n't` read as " not", so "didn’t" keeps its "not". */
export const expandNot = (text: string): string => text.replace(/n[’']t\b/gi, ' not');
