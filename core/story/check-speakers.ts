/**
 * Who says a fact. The card shows the fact's text, never a separate byline that
 * would read as if the speaker had said the sentence, so the text must name its
 * speaker; and the sentence it cites must have the speaker saying it, as the
 * subject of its verb of saying ("The U.S. criticized the visit"), as "X said",
 * "said X" or "according to X", or as the accusers or deniers: a name the sentence
 * merely holds ("urging countries not to support Putin’s war efforts") says nothing.
 */
import type { Indexed } from './check-references';
import { citesSentence } from './citations';
import { listNames, namedIn } from './names';
import type { PathProblem } from './problems';
import { sayingsIn } from './sayings';
import type { Entity, Fact } from './schema';

export function checkSpeakersNamed(facts: Indexed<Fact>[], entities: Indexed<Entity>[]): PathProblem[] {
  const byId = new Map(entities.map(({ value }) => [value.id, value]));
  return facts.flatMap(({ index, value }) => {
    const speaker = value.speaker === undefined ? undefined : byId.get(value.speaker);
    // An unknown speaker is reported by the reference checks.
    if (!speaker) return [];
    if (namedIn(value.text, speaker)) return [];
    return [{ path: `$[${index}].text`, message: `fact "${value.id}": the text must name its speaker, ${speaker.name} (by its name or an alias)` }];
  });
}

export function checkSpeakersQuoted(facts: Indexed<Fact>[], entities: Indexed<Entity>[], paragraphs: string[]): PathProblem[] {
  const all = entities.map(({ value }) => value);
  const byId = new Map(all.map((entity) => [entity.id, entity]));
  return facts.flatMap(({ index, value }) => {
    const speaker = value.speaker === undefined ? undefined : byId.get(value.speaker);
    if (!speaker) return [];
    // A quote that is no whole sentence of its paragraph is reported by the citation checks.
    if (!citesSentence(value.citation, paragraphs)) return [];
    const { paragraph, quote } = value.citation;
    const text = paragraphs[paragraph]!;
    const sayings = sayingsIn(quote, text.slice(0, text.indexOf(quote)), all);
    if (sayings.some((saying) => saying.by.includes(speaker))) return [];
    const said = sayings.filter((saying) => saying.by.length > 0).map((saying) => `${listNames(saying.by)} (“${saying.verb}”)`);
    return [
      {
        path: `$[${index}].speaker`,
        message:
          `fact "${value.id}": the sentence it cites does not have ${speaker.name} saying anything, by name or by a pronoun after the name earlier in its paragraph: ` +
          (said.length > 0 ? `who says something there is ${[...new Set(said)].join(', ')}` : 'no one the story names says anything there'),
      },
    ];
  });
}
