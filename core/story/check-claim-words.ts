/**
 * A fact's or key point's own words against the sentence it cites. The card shows
 * both, and a text with a word the sentence does not hold ("North Korea supplied
 * weapons" beside "accusations … of North Korea supplying weapons") can make a
 * claim the article does not. Every word that carries meaning must be the
 * sentence's, as written or in another form of it ("visited" for "visit",
 * "accuse" for "accusations"); the story's names may be written as the text
 * likes ("Putin" for "He"). And a sentence that tells of an accusation, an
 * allegation, a claim or a denial must be told as one: the same words, stated,
 * would be the narrator's.
 */
import type { PathProblem } from './problems';
import type { Citation, Entity } from './schema';

/** Words that carry no claim of their own; the pack is written in English. */
const FUNCTION_WORDS = new Set(
  ('a an the of in on at to for with by from and or is are was were be been has have had its his her their s that which ' +
    'who whom whose where this these those as also into it he she they them than then there will would').split(' '),
);

/** What tells a claim from a fact. */
const REPORTED = /\b(?:accus|alleg|claim|deni(?:al|als|ed|es)\b|deny)/i;

/** Words that turn a sentence round or leave it open: dropped, "did not supply" would read "supplied". */
const QUALIFIERS = ['not', 'no', 'never', 'nor', 'without', 'may', 'might', 'could', 'reportedly', 'allegedly', 'suspected'];

export interface Claim {
  text: string;
  citation: Citation;
  /** Where its text is, e.g. `$[3].text`. */
  path: string;
}

export function checkClaimWords(claims: readonly Claim[], entities: readonly Entity[], paragraphs: readonly string[]): PathProblem[] {
  const names = new Set(entities.flatMap((entity) => [entity.name, ...entity.aliases.map((alias) => alias.text)]).flatMap(wordsOf));
  return claims.flatMap(({ text, citation, path }) => {
    // A quote not in its paragraph is the citation checks' to report: its words would tell nothing of the text's.
    if (!paragraphs[citation.paragraph]?.includes(citation.quote)) return [];
    const quoted = wordsOf(citation.quote).map(stem);
    const added = wordsOf(text).filter((word) => !FUNCTION_WORDS.has(word) && !names.has(word) && !quoted.some((other) => sameWord(stem(word), other)));
    const problems: PathProblem[] = [];
    if (added.length > 0) {
      const listed = [...new Set(added)].map((word) => `“${word}”`).join(', ');
      problems.push({ path, message: `the text says ${listed}, which the sentence it cites does not; use its words` });
    }
    const told = wordsOf(text.replace(/n[’']t\b/gi, ' not'));
    const dropped = qualified(citation.quote.replace(/n[’']t\b/gi, ' not'))
      // Only where the text says what the word qualifies: "urging countries not to support" is no part of "The U.S. criticized the visit".
      .filter(({ qualifier, what }) => !told.includes(qualifier) && told.some((word) => sameWord(stem(word), stem(what))))
      .map(({ qualifier }) => qualifier);
    if (dropped.length > 0) {
      const listed = [...new Set(dropped)].map((word) => `“${word}”`).join(', ');
      problems.push({ path, message: `the sentence it cites says ${listed}, which the text leaves out: it would say more than the sentence` });
    }
    if (REPORTED.test(citation.quote) && !REPORTED.test(text)) {
      problems.push({ path, message: 'the sentence it cites tells of an accusation, an allegation, a claim or a denial; the text must tell it as one' });
    }
    return problems;
  });
}

/** Words said only to carry a verb: "did not supply", "could be sent". */
const AUXILIARIES = new Set(['do', 'does', 'did', 'be', 'been', 'being', 'have', 'has', 'had', 'to', 'yet', 'ever', 'also']);

/** Each qualifier of a sentence and the word it qualifies: the next that carries meaning. */
function qualified(sentence: string): { qualifier: string; what: string }[] {
  const words = wordsOf(sentence);
  return words.flatMap((word, i) => {
    if (!QUALIFIERS.includes(word)) return [];
    const what = words.slice(i + 1).find((next) => !AUXILIARIES.has(next) && !FUNCTION_WORDS.has(next));
    return what === undefined ? [] : [{ qualifier: word, what }];
  });
}

/** Lower case, apostrophes folded, a possessive's ending dropped: "Russia’s" is "russia". */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[‘’‚‛`´]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'s?$/g, ''))
    .filter((word) => word !== '');
}

/** A word without its inflection: "supplied", "supplying" and "supplies" are "suppl(y)". */
function stem(word: string): string {
  return word.replace(/i(?:es|ed)$/, 'y').replace(/(?:ing|ed|es|s|e)$/, '');
}

/** One is the other, or begins it (a word and one made from it: "accus" in "accusation"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.length >= 5 && longer.startsWith(shorter);
}
