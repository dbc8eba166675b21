/**
 * Checks on the pack's own words, which the card shows beside the article's:
 * a sanctions reason must be the article's, who sanctions must be named in the
 * sentence cited for it, and a fact someone said must name
 * who said it, since the card shows the fact's text, never a separate byline
 * that would read as if the speaker had said that sentence.
 */
import type { Indexed } from './check-references';
import type { PathProblem } from './problems';
import type { Entity, Fact } from './schema';

/** Straight and curly apostrophes are one, as the matcher reads them. */
const foldApostrophes = (text: string): string => text.replace(/[‘’‚‛]/g, "'");

export function checkSanctionsReasons(entities: Indexed<Entity>[]): PathProblem[] {
  return entities.flatMap(({ index, value }) => {
    const sanctions = value.sanctions;
    if (!sanctions || sanctions.citation.quote.includes(sanctions.reason)) return [];
    return [{ path: `$[${index}].sanctions.reason`, message: `reason “${sanctions.reason}” is not in the sentence it cites; use the article's words` }];
  });
}

/** An entity's name and the aliases that name it: "never" ones are forms too ambiguous to count. */
function namesOf(entity: Entity): string[] {
  return [entity.name, ...entity.aliases.filter((alias) => alias.rule !== 'never').map((alias) => alias.text)];
}

const namedIn = (text: string, entity: Entity): boolean => {
  const folded = foldApostrophes(text);
  return namesOf(entity).some((name) => folded.includes(foldApostrophes(name)));
};

/** The card says "Sanctioned by X": the sentence it cites must name X. */
export function checkSanctionsByNamed(entities: Indexed<Entity>[]): PathProblem[] {
  const byId = new Map(entities.map(({ value }) => [value.id, value]));
  return entities.flatMap(({ index, value }) =>
    (value.sanctions?.by ?? []).flatMap((id, k) => {
      const party = byId.get(id);
      // An unknown id is reported by the reference checks.
      if (!party || namedIn(value.sanctions!.citation.quote, party)) return [];
      return [
        {
          path: `$[${index}].sanctions.by[${k}]`,
          message: `the sentence it cites does not name ${party.name}: the card’s “Sanctioned by ${party.name}” would be the pack’s claim, not the article’s`,
        },
      ];
    }),
  );
}

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
