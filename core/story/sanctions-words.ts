/**
 * How a sentence gives sanctions: to whom, for what, imposed by whom, and whether
 * it tells them as stopped ("blocking U.S.-led efforts to impose new U.N.
 * sanctions") rather than imposed. Shared by the checks of an entity's
 * "Sanctioned" badge and of facts of kind "sanctions".
 */
import { escapeRegExp, foldApostrophes, lastEnd, namesOf } from './names';
import type { Entity } from './schema';

/**
 * Whom a sentence gives a sanctions reason for: the entity named last before it
 * ("North Korea for its nuclear weapons …, and Russia for its aggression in
 * Ukraine"), else `entity` if the sentence names it anywhere. One sentence can
 * give two countries' reasons, and each reason is in it whichever card shows it.
 */
export function saidOf(quote: string, reason: string, entity: Entity, others: Entity[]): Entity | undefined {
  let fallback: Entity | undefined;
  for (let at = quote.indexOf(reason); at >= 0; at = quote.indexOf(reason, at + 1)) {
    const before = quote.slice(0, at);
    let last: { entity: Entity; end: number } | undefined;
    for (const other of others) {
      const end = lastEnd(before, other);
      if (end >= 0 && (!last || end > last.end)) last = { entity: other, end };
    }
    if (!last) return lastEnd(quote, entity) >= 0 ? entity : undefined;
    if (last.entity === entity) return entity;
    fallback ??= last.entity;
  }
  return fallback;
}

/** How a sentence ties a reason to the one it is given for: "North Korea for its nuclear weapons …". */
const REASON_LINK = /^\s*(?:(?:is|are|was|were|has been|have been) sanctioned\s+)?(?:for|over|because of|in response to)\s+$/;

const SANCTIONS_FOR = /\bsanction(?:s|ed)?\s+(?:for|over|because of|in response to)\s+$/i;

/** `reason` comes right after a name of `entity`, or the sanctions, and a word that gives it as the reason. */
export function givenFor(quote: string, reason: string, entity: Entity): boolean {
  const folded = foldApostrophes(quote);
  for (let at = folded.indexOf(foldApostrophes(reason)); at >= 0; at = folded.indexOf(foldApostrophes(reason), at + 1)) {
    const before = folded.slice(0, at);
    // "North Korea faces U.N. sanctions for …": whose sanctions, saidOf told.
    if (SANCTIONS_FOR.test(before)) return true;
    const end = lastEnd(before, entity);
    if (end >= 0 && REASON_LINK.test(before.slice(end))) return true;
  }
  return false;
}

/**
 * Verbs that say sanctions were stopped, not imposed, on either side of them: "blocking U.S.-led efforts to impose new
 * U.N. sanctions", "U.N. sanctions, which Russia and China have blocked". Not "opposition" or "blockade".
 */
export const STOPPED = /\b(?:block(?:s|ed|ing)?|veto(?:es|ed|ing)?|oppos(?:e|es|ed|ing)|resist(?:s|ed|ing)?|prevent(?:s|ed|ing)?|thwart(?:s|ed|ing)?|stymie[sd]?|reject(?:s|ed|ing)?)\b/i;
/** How far from the sanctions, in a clause, a verb is taken to speak of them. */
const STOPPED_REACH = 60;
/** Where a clause ends: a verb beyond one speaks of something else ("North Korea, which rejected the accusations, faces"). */
const CLAUSE_END = /[,;:()\u2013\u2014]/;
/**
 * A clause of the sanctions' own after a comma: a relative one ("U.N. sanctions for its missile programs, which Russia
 * and China have blocked"), or a passive one ("U.N. sanctions for its missile programs, vetoed by Russia").
 */
const OF_THEIR_OWN = new RegExp(`^\\s*(?:(?:which|that)\\b|${STOPPED.source}\\s+by\\b)`, 'i');
/** A stopping verb right before an aside set off by commas: "Russia and China blocked, in a vote on Tuesday, U.N. sanctions". */
const BEFORE_AN_ASIDE = new RegExp(`${STOPPED.source}\\s*$`, 'i');

/**
 * Whether the sentence tells sanctions standing at [start, end) as stopped: by a verb within reach in their clause, before
 * them ("blocking U.S.-led efforts to impose new U.N. sanctions", past an aside too) or after ("sanctions that Russia
 * vetoed"), or in a clause of theirs ("sanctions, which the U.S. sought, were blocked"; "sanctions …, vetoed by Russia").
 */
export function stoppedAround(quote: string, start: number, end: number): boolean {
  const leading = quote.slice(0, end).split(CLAUSE_END);
  const before = leading.at(-1)!.slice(-(STOPPED_REACH + end - start));
  if (leading.length >= 3 && BEFORE_AN_ASIDE.test(leading.at(-3)!) && leading.at(-2)!.length <= STOPPED_REACH) return true;
  const [own = '', next, ...rest] = quote.slice(end).split(CLAUSE_END).map((clause) => clause.slice(0, STOPPED_REACH));
  let after = own;
  if (next !== undefined && OF_THEIR_OWN.test(next)) {
    after += ` ${next}`;
    // Right after the sanctions, the relative clause closes and theirs goes on: "sanctions, which the U.S. sought, were blocked".
    if (own.trim() === '' && rest.length > 0) after += ` ${rest[0]}`;
  }
  return STOPPED.test(before) || STOPPED.test(after);
}

/** Where the sentence first gives sanctions as `party`'s, if it does. */
export function sanctionsOf(quote: string, party: Entity): { start: number; end: number } | undefined {
  const folded = foldApostrophes(quote);
  let first: { start: number; end: number } | undefined;
  for (const name of namesOf(party)) {
    const form = escapeRegExp(foldApostrophes(name));
    const theirs = new RegExp(`(?<!\\p{L})${form}(?:-(?:led|imposed|backed))?\\s+sanctions|sanctions\\s+(?:imposed\\s+|led\\s+)?by\\s+(?:the\\s+)?${form}(?!\\p{L})`, 'u').exec(folded);
    if (theirs && (!first || theirs.index < first.start)) first = { start: theirs.index, end: theirs.index + theirs[0].length };
  }
  return first;
}
