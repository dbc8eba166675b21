/**
 * An entity's description is shown beside its name and category on every card,
 * with the sentence it cites: it must be what that sentence of the article says
 * of it, in that sentence's words and names ("where Putin headed for a summit
 * with Kim Jong Un"), never knowledge from outside the article ("capital of North
 * Korea"). Its category noun ("country …") restates the category beside it, and
 * must be that.
 */
import type { Indexed } from './check-references';
import { claimProblems } from './check-claim-words';
import { citesSentence, sentencesIn } from './citations';
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

interface Sentence {
  n: number;
  sentence: string;
  /** Its paragraph up to it. */
  before: string;
}

export function checkDescriptions(entities: Indexed<Entity>[], paragraphs: string[]): PathProblem[] {
  const all = entities.map(({ value }) => value);
  const sentences = paragraphs.flatMap((paragraph, n) => {
    let from = 0;
    return sentencesIn(paragraph).map((sentence): Sentence => {
      const at = paragraph.indexOf(sentence, from);
      from = at + sentence.length;
      return { n, sentence, before: paragraph.slice(0, at) };
    });
  });
  return entities.flatMap(({ index, value }) => {
    const { description, descriptionCitation: citation } = value;
    if (description === undefined) {
      return citation ? [{ path: `$[${index}].descriptionCitation`, message: `${value.name} has no description for this citation to back` }] : [];
    }
    const path = `$[${index}].description`;
    const own = CATEGORY_NOUNS[value.category];
    const words = wordsOf(description);
    // The noun it opens with is what it calls the entity: "leader of the country Putin visited" calls a person a leader.
    const head = words.find((word) => !ARTICLES.has(word));
    const other = Object.values(CATEGORY_NOUNS).flat().find((noun) => !own.includes(noun) && head === noun);
    if (other) return [{ path, message: `description “${description}” calls ${value.name} a ${other}; its category is ${value.category}` }];
    // Every sentence that speaks of the entity, tried: only for a message, where the cited one fails or none is cited.
    const tryAll = () => {
      const speaking = sentences.filter(({ sentence, before }) => referredIn(sentence, before, all).has(value));
      const tried = speaking.map((s) => ({ ...s, problems: claimProblems(description, s.sentence, s.before, all, own, value) }));
      const saying = tried.find((t) => t.problems.length === 0);
      return { tried, saying, suggestion: saying ? `; paragraph ${saying.n}’s “${saying.sentence}” says it` : '' };
    };
    if (citation === undefined) {
      const { tried, saying } = tryAll();
      const found = saying
        ? `; cite the sentence it is said in: paragraph ${saying.n}’s “${saying.sentence}”`
        : `, and no one sentence of the article says it${closest(tried, value)}`;
      return [{ path: `$[${index}].descriptionCitation`, message: `description “${description}” of ${value.name} has no citation${found}` }];
    }
    // A quote that is not one whole sentence of its paragraph is the citation checks' to report (verify-pack.ts).
    if (!citesSentence(citation, paragraphs)) return [];
    const paragraph = paragraphs[citation.paragraph]!;
    const cited = { n: citation.paragraph, sentence: citation.quote, before: paragraph.slice(0, paragraph.indexOf(citation.quote)) };
    // Every word of a sentence says nothing of an entity it does not speak of: ¶1's summit is Pyongyang's, not Vietnam's.
    if (!referredIn(cited.sentence, cited.before, all).has(value)) {
      const { suggestion } = tryAll();
      return [{ path, message: `description “${description}”: the sentence it cites, paragraph ${cited.n}’s “${cited.sentence}”, does not speak of ${value.name}${suggestion}` }];
    }
    const problems = claimProblems(description, cited.sentence, cited.before, all, own, value);
    if (problems.length === 0) return [];
    const { tried, suggestion } = tryAll();
    return [
      {
        path,
        message:
          `description “${description}” is not what the sentence it cites says of ${value.name}, paragraph ${cited.n}’s “${cited.sentence}”: ` +
          `${problems.map(asDescription).join('; ')}${suggestion || `; no one sentence of the article says it${closest(tried, value, cited, problems.length)}`}`,
      },
    ];
  });
}

/**
 * The sentence that comes nearest to saying a description no sentence says, and what it lacks: where to start rewording.
 * Left unsaid where it is the one cited, or no nearer than it (`cited`, with its count of problems).
 */
function closest(tried: readonly (Sentence & { problems: string[] })[], entity: Entity, cited?: Sentence, problems = Infinity): string {
  if (tried.length === 0) return `, nor speaks of ${entity.name}`;
  const best = tried.reduce((best, t) => (t.problems.length < best.problems.length ? t : best));
  if (best.problems.length >= problems || (best.n === cited?.n && best.sentence === cited.sentence)) return '';
  return `; against the closest, paragraph ${best.n}’s “${best.sentence}”: ${best.problems.map(asDescription).join('; ')}`;
}

/** The claim checks' words, said of a description and the sentence tried for it. */
const asDescription = (message: string): string => message.replaceAll('the sentence it cites', 'that sentence').replaceAll('the text', 'the description');
