/**
 * A fact's or key point's own words against the sentence it cites. The card shows
 * both, and a text with a word the sentence does not hold ("North Korea supplied
 * weapons" beside "accusations … of North Korea supplying weapons") can make a
 * claim the article does not. Every word that carries meaning must be the
 * sentence's, as written or in another form of it ("visited" for "visit",
 * "accuse" for "accusations"); a name may be written as the text likes ("Putin"
 * for "He"), but only for whom the sentence speaks of (check-claim-names.ts). And
 * a sentence that tells of an accusation, an allegation, a claim or a denial must
 * be told as one: the same words, stated, would be the narrator's.
 */
import { nameProblems } from './check-claim-names';
import { citesSentence } from './citations';
import { foldApostrophes, mentionsIn } from './names';
import type { PathProblem } from './problems';
import { droppedQualifiers, isAttribution, pastNotInQuote } from './qualifiers';
import type { Citation, Entity } from './schema';
import { FUNCTION_WORDS, sameWord, stem, wordsOf } from './words';

/** What tells a claim from a fact. */
const REPORTED = /\b(?:accus|alleg|claim|deni(?:al|als|ed|es)\b|deny)/i;

export interface Claim {
  text: string;
  citation: Citation;
  /** Where its text is, e.g. `$[3].text`. */
  path: string;
  /** How a message names it, e.g. `fact "russia-sanctions"`; a key point's path is name enough. */
  name?: string;
}

export function checkClaimWords(claims: readonly Claim[], entities: readonly Entity[], paragraphs: string[]): PathProblem[] {
  return claims.flatMap(({ text, citation, path, name }) => {
    // A quote that is not one whole sentence of its paragraph is the citation checks' to report: its words would tell
    // nothing of the text's.
    if (!citesSentence(citation, paragraphs)) return [];
    const paragraph = paragraphs[citation.paragraph]!;
    const at = paragraph.indexOf(citation.quote);
    return claimProblems(text, citation.quote, paragraph.slice(0, at), entities).map((message) => ({ path, message: name ? `${name}: ${message}` : message }));
  });
}

/**
 * Everything `text` says that `quote` does not. `before`: the quote's paragraph up to it. `free`: words the text may
 * add (a description's category, which the card shows beside it). `described`: the entity a description is of.
 */
export function claimProblems(text: string, quote: string, before: string, entities: readonly Entity[], free: readonly string[] = [], described?: Entity): string[] {
  const problems: string[] = [];
  const quoted = wordsOf(quote).map(stem);
  // The names' words are the names' checks: written out, "Far East" would be a claim of its own.
  const unnamed = blankMentions(text, entities);
  const added = wordsOf(unnamed).filter((word) => !FUNCTION_WORDS.has(word) && !free.includes(word) && !quoted.some((other) => sameWord(stem(word), other)));
  if (added.length > 0) {
    const listed = [...new Set(added)].map((word) => `“${word}”`).join(', ');
    problems.push(`the text says ${listed}, which the sentence it cites does not; use its words`);
  }
  const dropped = droppedQualifiers(text, quote);
  const labels = dropped.filter(isAttribution);
  const others = dropped.filter((word) => !isAttribution(word));
  if (others.length > 0) {
    const listed = others.map((word) => `“${word}”`).join(', ');
    problems.push(`the sentence it cites says ${listed}, which the text leaves out: it would say more than the sentence`);
  }
  if (labels.length > 0) {
    const listed = labels.map((word) => `“${word}”`).join(', ');
    problems.push(`the sentence it cites says ${listed}, which the text leaves out: the speaker's words would read as the narrator's`);
  }
  const past = pastNotInQuote(blankMentions(text, entities), blankMentions(quote, entities));
  if (past.length > 0) {
    const listed = past.map((word) => `“${word}”`).join(', ');
    problems.push(`the text says ${listed}, in the past, where the sentence it cites tells it in the present or the future: it would tell as done what is under way or to come`);
  }
  if (REPORTED.test(quote) && !REPORTED.test(text)) {
    problems.push('the sentence it cites tells of an accusation, an allegation, a claim or a denial; the text must tell it as one');
  }
  return [...problems, ...nameProblems(text, quote, before, entities, described)];
}

/** `text` with its mentions of the story's entities blanked out. */
function blankMentions(text: string, entities: readonly Entity[]): string {
  const folded = foldApostrophes(text);
  let out = '';
  let from = 0;
  for (const { start, end } of mentionsIn(folded, entities)) {
    out += `${folded.slice(from, start)} `;
    from = end;
  }
  return out + folded.slice(from);
}
