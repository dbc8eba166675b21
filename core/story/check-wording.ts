/**
 * Checks on the pack's own words, which the card shows beside the article's:
 * a sanctions reason must be the article's, and a fact someone said must name
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

export function checkSpeakersNamed(facts: Indexed<Fact>[], entities: Indexed<Entity>[]): PathProblem[] {
  const byId = new Map(entities.map(({ value }) => [value.id, value]));
  return facts.flatMap(({ index, value }) => {
    const speaker = value.speaker === undefined ? undefined : byId.get(value.speaker);
    // An unknown speaker is reported by the reference checks.
    if (!speaker) return [];
    const text = foldApostrophes(value.text);
    const names = [speaker.name, ...speaker.aliases.filter((alias) => alias.rule !== 'never').map((alias) => alias.text)];
    if (names.some((name) => text.includes(foldApostrophes(name)))) return [];
    return [{ path: `$[${index}].text`, message: `the text must name its speaker, ${speaker.name} (by its name or an alias)` }];
  });
}
