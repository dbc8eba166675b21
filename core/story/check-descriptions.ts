/**
 * An entity's description is shown beside its name and category on every card,
 * with no citation: it must be what one sentence of the article says of it, in
 * that sentence's words and names ("where Putin headed for a summit with Kim Jong
 * Un"), never knowledge from outside the article ("capital of North Korea"). Its
 * category noun ("country …") restates the category beside it, and must be that.
 */
import type { Indexed } from './check-references';
import { claimProblems } from './check-claim-words';
import { sentencesIn } from './citations';
import { referredIn } from './names';
import type { PathProblem } from './problems';
import type { Category, Entity } from './schema';
import { wordsOf } from './words';

const ARTICLES = new Set(['a', 'an', 'the']);

const CATEGORY_NOUNS: Record<Category, readonly string[]> = {
  person: ['person'],
  country: ['country'],
  organization: ['organization', 'organisation'],
  place: ['place'],
};

export function checkDescriptions(entities: Indexed<Entity>[], paragraphs: readonly string[]): PathProblem[] {
  const all = entities.map(({ value }) => value);
  const sentences = paragraphs.flatMap((paragraph, n) => {
    let from = 0;
    return sentencesIn(paragraph).map((sentence) => {
      const at = paragraph.indexOf(sentence, from);
      from = at + sentence.length;
      return { n, sentence, before: paragraph.slice(0, at) };
    });
  });
  return entities.flatMap(({ index, value }) => {
    const { description } = value;
    if (description === undefined) return [];
    const path = `$[${index}].description`;
    const own = CATEGORY_NOUNS[value.category];
    const words = wordsOf(description);
    // The noun it opens with is what it calls the entity: "leader of the country Putin visited" calls a person a leader.
    const head = words.find((word) => !ARTICLES.has(word));
    const other = Object.values(CATEGORY_NOUNS).flat().find((noun) => !own.includes(noun) && head === noun);
    if (other) return [{ path, message: `description “${description}” calls ${value.name} a ${other}; its category is ${value.category}` }];
    const speaking = sentences.filter(({ sentence, before }) => referredIn(sentence, before, all).has(value));
    if (speaking.length === 0) return [{ path, message: `description “${description}”: no sentence of the article speaks of ${value.name}` }];
    const tried = speaking.map((s) => ({ ...s, problems: claimProblems(description, s.sentence, s.before, all, own) }));
    if (tried.some((t) => t.problems.length === 0)) return [];
    const closest = tried.reduce((best, t) => (t.problems.length < best.problems.length ? t : best));
    return [
      {
        path,
        message:
          `description “${description}” is said of ${value.name} by no one sentence of the article; against the closest, ` +
          `paragraph ${closest.n}’s “${closest.sentence}”: ${closest.problems.map(asDescription).join('; ')}`,
      },
    ];
  });
}

/** The claim checks' words, said of a description and the sentence tried for it. */
const asDescription = (message: string): string => message.replaceAll('the sentence it cites', 'that sentence').replaceAll('the text', 'the description');
