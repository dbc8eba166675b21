/**
 * Checks on the pack's own words, which the card shows beside the article's: a
 * sanctions reason must be the article's and given there for that entity, who
 * sanctions must be named in the sentence cited for it as imposing them, and a
 * fact must read on its own and not show its sentence twice. Who says a fact is
 * check-speakers.ts's.
 */
import type { Indexed } from './check-references';
import { namedIn } from './names';
import type { PathProblem } from './problems';
import { givenFor, saidOf, sanctionsOf, stoppedAround } from './sanctions-words';
import type { Entity, Fact } from './schema';

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
      if (theirs && !stoppedAround(quote, theirs.start, theirs.end)) return [];
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
