/**
 * Facts of kind "sanctions" against the sentence they cite, as an entity's
 * "Sanctioned" badge is checked: whom the text has imposing sanctions must impose
 * them in the sentence, sanctions the sentence tells as stopped ("blocking U.S.-led
 * efforts to impose new U.N. sanctions") must not be told as imposed, and a reason
 * ("for its nuclear weapons …") must be the sentence's, given there for the one
 * the text gives it for.
 */
import type { Indexed } from './check-references';
import { citesSentence } from './citations';
import { escapeRegExp, foldApostrophes, mentionsIn, namesOf } from './names';
import type { PathProblem } from './problems';
import { givenFor, saidOf, sanctionsOf, STOPPED, stoppedAround } from './sanctions-words';
import type { Entity, Fact } from './schema';

export function checkSanctionsFacts(facts: Indexed<Fact>[], entities: readonly Entity[], paragraphs: string[]): PathProblem[] {
  return facts.flatMap(({ index, value }) => {
    // A quote that is no whole sentence of its paragraph is the citation checks' to report.
    if (value.kind !== 'sanctions' || !citesSentence(value.citation, paragraphs)) return [];
    const path = `$[${index}].text`;
    const { text } = value;
    const quote = foldApostrophes(value.citation.quote);
    const problems: string[] = [];
    const stopped = [...quote.matchAll(/\bsanction/gi)].some((m) => stoppedAround(quote, m.index, m.index + m[0].length));
    if (stopped && !STOPPED.test(text)) {
      problems.push('the sentence it cites tells of sanctions that were stopped (blocked, vetoed, opposed), not imposed; the text tells them as sanctions in force');
    }
    for (const party of imposers(text, entities)) {
      const theirs = sanctionsOf(quote, party);
      if (!theirs) problems.push(`the text has ${party.name} imposing sanctions, which the sentence it cites does not (“${party.name} sanctions”, “sanctions imposed by ${party.name}”)`);
      else if (stoppedAround(quote, theirs.start, theirs.end)) problems.push(`the text has ${party.name} imposing sanctions, which the sentence it cites gives as stopped, not imposed`);
    }
    problems.push(...reasonProblems(text, quote, entities));
    return problems.map((message) => ({ path, message: `sanctions fact "${value.id}": ${message}` }));
  });
}

/**
 * Who the text has imposing sanctions: "The U.N. imposed", "U.S.-led sanctions", "sanctions imposed by the U.N.". Not
 * sanctions the text itself tells as stopped ("blocked efforts to impose new U.N. sanctions"): that is the sentence's claim.
 */
function imposers(text: string, entities: readonly Entity[]): Entity[] {
  const folded = foldApostrophes(text);
  return entities.filter((entity) => {
    const imposes = namesOf(entity)
      .map((name) => new RegExp(`(?<!\\p{L})${escapeRegExp(foldApostrophes(name))}\\s+(?:has\\s+|have\\s+)?(?:impos|levi|slapp)`, 'u').exec(folded))
      .find((match) => match !== null);
    const theirs = sanctionsOf(folded, entity) ?? (imposes ? { start: imposes.index, end: imposes.index + imposes[0].length } : undefined);
    return theirs !== undefined && !stoppedAround(folded, theirs.start, theirs.end);
  });
}

/** "North Korea faces heavy sanctions for its nuclear weapons …": the reason after "for", given for the sanctioned. */
function reasonProblems(text: string, quote: string, entities: readonly Entity[]): string[] {
  const folded = foldApostrophes(text);
  const given = /\bsanction\w*\b.*?\b(?:for|over|because of|in response to)\s+(.+?)\.?$/.exec(folded);
  if (!given) return [];
  const reason = given[1]!;
  const mentions = mentionsIn(folded.slice(0, folded.length - reason.length), entities);
  // "sanctions on North Korea for …", else the text's subject: "North Korea faces heavy sanctions for …".
  const on = mentions.find((m) => m.start > given.index && /\b(?:on|against)\s+(?:the\s+)?$/.test(folded.slice(0, m.start)));
  const sanctioned = (on ?? mentions.find((m) => m.end <= given.index))?.entity;
  if (!sanctioned) return [];
  if (!quote.includes(reason)) return [`the reason “${reason}” is not in the sentence it cites; use the article's words`];
  const parties = imposers(text, entities);
  const said = saidOf(quote, reason, sanctioned, entities.filter((e) => !parties.includes(e)));
  if (said !== sanctioned) return [`the sentence it cites gives “${reason}” for ${said?.name ?? 'no one it names'}, not for ${sanctioned.name}`];
  return givenFor(quote, reason, sanctioned) ? [] : [`the sentence it cites does not give “${reason}” as the reason for sanctions on ${sanctioned.name}`];
}
