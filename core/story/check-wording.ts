/**
 * Checks on the pack's own words, which the card shows beside the article's:
 * a sanctions reason must be the article's and given there for that entity, who
 * sanctions must be named in the sentence cited for it, and a fact someone said
 * must name who said it, since the card shows the fact's text, never a separate
 * byline that would read as if the speaker had said that sentence; the sentence
 * it cites must name them too.
 */
import type { Indexed } from './check-references';
import type { PathProblem } from './problems';
import type { Entity, Fact } from './schema';

/** Straight and curly apostrophes are one, as the matcher reads them. */
const foldApostrophes = (text: string): string => text.replace(/[‘’‚‛]/g, "'");

export function checkSanctionsReasons(entities: Indexed<Entity>[]): PathProblem[] {
  return entities.flatMap(({ index, value }) => {
    const sanctions = value.sanctions;
    if (!sanctions) return [];
    const path = `$[${index}].sanctions.reason`;
    const { quote } = sanctions.citation;
    // The card says "Sanctioned": a sentence that only shares words with the reason ("a stop in Vietnam … focusing on trade
    // discussions") does not say so.
    if (sanctions.sanctioned && !/\bsanction/i.test(quote)) {
      return [{ path: `$[${index}].sanctions.citation.quote`, message: `the sentence it cites does not say ${value.name} is sanctioned` }];
    }
    if (!quote.includes(sanctions.reason)) {
      return [{ path, message: `reason “${sanctions.reason}” is not in the sentence it cites; use the article's words` }];
    }
    const said = saidOf(quote, sanctions.reason, value, entities.map((e) => e.value).filter((e) => !sanctions.by.includes(e.id)));
    if (said === value) {
      if (givenFor(quote, sanctions.reason, value)) return [];
      return [{ path, message: `the sentence it cites must give the reason as the sanctions' on ${value.name}: “${value.name} for ${sanctions.reason}” (or “over”, “because of”)` }];
    }
    return [
      {
        path,
        message: said
          ? `the sentence it cites gives “${sanctions.reason}” for ${said.name}, not for ${value.name}`
          : `the sentence it cites does not name ${value.name}`,
      },
    ];
  });
}

/**
 * Whom a sentence gives a sanctions reason for: the entity named last before it
 * ("North Korea for its nuclear weapons …, and Russia for its aggression in
 * Ukraine"), else `entity` if the sentence names it anywhere. One sentence can
 * give two countries' reasons, and each reason is in it whichever card shows it.
 */
function saidOf(quote: string, reason: string, entity: Entity, others: Entity[]): Entity | undefined {
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
function givenFor(quote: string, reason: string, entity: Entity): boolean {
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

/** A sentence that names its subject only as "He also mentioned …", after the name earlier in its paragraph. */
const PRONOUN_FIRST = /^(?:He|She|They|It|His|Her|Their|Its)\b/;

/**
 * The sentence a statement cites must name its speaker: a text that names them,
 * with a verbatim sentence of someone else's, would show their words as the speaker's.
 */
export function checkSpeakersQuoted(facts: Indexed<Fact>[], entities: Indexed<Entity>[], paragraphs: string[]): PathProblem[] {
  const byId = new Map(entities.map(({ value }) => [value.id, value]));
  return facts.flatMap(({ index, value }) => {
    const speaker = value.speaker === undefined ? undefined : byId.get(value.speaker);
    if (!speaker) return [];
    const { paragraph, quote } = value.citation;
    if (lastEnd(quote, speaker) >= 0) return [];
    const text = paragraphs[paragraph];
    const at = text?.indexOf(quote) ?? -1;
    // A quote that is not in its paragraph is reported by the citation checks.
    if (text === undefined || at < 0) return [];
    if (PRONOUN_FIRST.test(quote) && pointsTo(quote, text.slice(0, at), entities.map((e) => e.value)) === speaker) return [];
    return [
      {
        path: `$[${index}].speaker`,
        message: `the sentence it cites does not name ${speaker.name}, by name or by a pronoun after the name earlier in its paragraph`,
      },
    ];
  });
}

/**
 * Whom a sentence's opening pronoun points back to: "He" or "She" the person named last before it in its paragraph
 * (not North Korea, named after Putin in "Putin highlighted North Korea’s support … He also mentioned"), any other the
 * entity named last.
 */
function pointsTo(quote: string, before: string, entities: readonly Entity[]): Entity | undefined {
  const personal = /^(?:He|She|His|Her)\b/.test(quote);
  let last: { entity: Entity; end: number } | undefined;
  for (const entity of entities) {
    if (personal && entity.category !== 'person') continue;
    const end = lastEnd(before, entity);
    if (end >= 0 && (!last || end > last.end)) last = { entity, end };
  }
  return last?.entity;
}

/** A text that begins by pointing back at a sentence before it. */
const POINTS_BACK = /^(?:He|She|They|It|His|Her|Their|Its|This|These|That|Those)\b/;

/**
 * A card shows a fact without the facts around it in the pack (another card may show none of them): a text that opens
 * with "He" or "This" names whoever the facts before it named, which on the card is no one.
 */
export function checkFactsStandAlone(facts: Indexed<Fact>[]): PathProblem[] {
  return facts.flatMap(({ index, value }) =>
    POINTS_BACK.test(value.text)
      ? [{ path: `$[${index}].text`, message: `“${value.text.split(' ').slice(0, 3).join(' ')}…” points back at a fact before it; a card may show this fact alone, so name who or what it is about` }]
      : [],
  );
}

/**
 * A fact that is its sentence word for word (the card shows it as the sentence itself) and another fact taken from the
 * same sentence must not share a subject: that entity's card would show the sentence, then part of it again in other
 * words ("Kim Jong Un visited Russia’s Far East…" under "…follows Kim Jong Un’s visit to Russia’s Far East…").
 */
export function checkNoSentenceTwice(facts: Indexed<Fact>[]): PathProblem[] {
  return facts.flatMap(({ index, value }) => {
    if (value.text !== value.citation.quote) return [];
    return facts.flatMap((other) => {
      if (other.index === index || other.value.citation.quote !== value.citation.quote) return [];
      const shared = value.subjects.filter((id) => other.value.subjects.includes(id));
      if (shared.length === 0) return [];
      return [
        {
          path: `$[${index}].subjects`,
          message: `fact "${other.value.id}" is taken from this fact's sentence, which this fact is word for word: the card${shared.length > 1 ? 's' : ''} of ${shared.join(', ')} would show it twice; keep each entity on one of them`,
        },
      ];
    });
  });
}

/** Where the last mention of `entity` in `text` ends, on word boundaries; -1 if there is none. */
function lastEnd(text: string, entity: Entity): number {
  const folded = foldApostrophes(text);
  let best = -1;
  for (const name of namesOf(entity)) {
    const form = foldApostrophes(name);
    for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (!/\p{L}/u.test(folded[at - 1] ?? '') && !/\p{L}/u.test(folded[end] ?? '')) best = Math.max(best, end);
    }
  }
  return best;
}

/** An entity's name and the aliases that name it: "never" ones are forms too ambiguous to count. */
function namesOf(entity: Entity): string[] {
  return [entity.name, ...entity.aliases.filter((alias) => alias.rule !== 'never').map((alias) => alias.text)];
}

/** On word boundaries: "US" is not named in "USA" or "Bonus". */
const namedIn = (text: string, entity: Entity): boolean => lastEnd(text, entity) >= 0;

/**
 * Verbs that say sanctions were stopped, not imposed, on either side of them: "blocking U.S.-led efforts to impose new
 * U.N. sanctions", "U.N. sanctions, which Russia and China have blocked". Not "opposition" or "blockade".
 */
const STOPPED = /\b(?:block(?:s|ed|ing)?|veto(?:es|ed|ing)?|oppos(?:e|es|ed|ing)|resist(?:s|ed|ing)?|prevent(?:s|ed|ing)?|thwart(?:s|ed|ing)?|stymie[sd]?|reject(?:s|ed|ing)?)\b/i;
/** How far from the sanctions a verb is taken to speak of them. */
const STOPPED_REACH = 60;

/**
 * The card says "Sanctioned by X": the sentence it cites must say X's sanctions
 * ("U.S.-led sanctions", "sanctions imposed by the U.N."), not only name X, and not
 * as sanctions someone stopped.
 */
export function checkSanctionsByNamed(entities: Indexed<Entity>[]): PathProblem[] {
  const byId = new Map(entities.map(({ value }) => [value.id, value]));
  return entities.flatMap(({ index, value }) =>
    (value.sanctions?.by ?? []).flatMap((id, k) => {
      const party = byId.get(id);
      // An unknown id is reported by the reference checks.
      if (!party) return [];
      const quote = value.sanctions!.citation.quote;
      const path = `$[${index}].sanctions.by[${k}]`;
      if (!namedIn(quote, party)) {
        return [{ path, message: `the sentence it cites does not name ${party.name}: the card’s “Sanctioned by ${party.name}” would be the pack’s claim, not the article’s` }];
      }
      const theirs = sanctionsOf(quote, party);
      if (theirs && !STOPPED.test(quote.slice(Math.max(0, theirs.start - STOPPED_REACH), theirs.end + STOPPED_REACH))) return [];
      return [
        {
          path,
          message:
            !theirs
              ? `the sentence it cites names ${party.name} but not as imposing sanctions (“${party.name} sanctions”, “${party.name}-led sanctions”, “sanctions imposed by ${party.name}”)`
              : `the sentence it cites gives ${party.name}'s sanctions as stopped, not imposed`,
        },
      ];
    }),
  );
}

/** Where the sentence first gives sanctions as `party`'s, if it does. */
function sanctionsOf(quote: string, party: Entity): { start: number; end: number } | undefined {
  const folded = foldApostrophes(quote);
  let first: { start: number; end: number } | undefined;
  for (const name of namesOf(party)) {
    const form = escapeRegExp(foldApostrophes(name));
    const theirs = new RegExp(`(?<!\\p{L})${form}(?:-(?:led|imposed|backed))?\\s+sanctions|sanctions\\s+(?:imposed\\s+|led\\s+)?by\\s+(?:the\\s+)?${form}(?!\\p{L})`, 'u').exec(folded);
    if (theirs && (!first || theirs.index < first.start)) first = { start: theirs.index, end: theirs.index + theirs[0].length };
  }
  return first;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function checkSpeakersNamed(facts: Indexed<Fact>[], entities: Indexed<Entity>[]): PathProblem[] {
  const byId = new Map(entities.map(({ value }) => [value.id, value]));
  return facts.flatMap(({ index, value }) => {
    const speaker = value.speaker === undefined ? undefined : byId.get(value.speaker);
    // An unknown speaker is reported by the reference checks.
    if (!speaker) return [];
    if (namedIn(value.text, speaker)) return [];
    return [{ path: `$[${index}].text`, message: `the text must name its speaker, ${speaker.name} (by its name or an alias)` }];
  });
}
