/**
 * Who says what in a sentence, read cheaply: the subject of each verb of saying
 * ("The U.S. criticized", "both Moscow and Pyongyang deny", "He also mentioned"),
 * "said X", "according to X", and the accusers of "accusations from X of Y". The
 * checks hold a fact's speaker, and a text's sayers, to the sentence's: a name the
 * sentence holds is not yet one who says anything in it ("The U.S. criticized the
 * visit, urging countries not to support Putin’s war efforts" is no word of Putin's).
 */
import { foldApostrophes, lastNamed, mentionsIn, type Mention } from './names';
import type { Entity } from './schema';

/** Verbs of saying whose forms do not follow the rule. */
const IRREGULAR: readonly (readonly [key: string, form: RegExp])[] = [
  ['say', /^(?:say|says|said|saying)$/],
  ['tell', /^(?:tell|tells|told|telling)$/],
  ['write', /^(?:write|writes|wrote|written|writing)$/],
];

const REGULAR =
  'accuse deny announce express highlight emphasize stress mention criticize urge reiterate warn claim insist argue vow pledge note ' +
  'term praise condemn describe call suggest assert declare comment respond reply acknowledge admit confirm predict promise threaten ' +
  'demand allege add';

/** Every form of a verb that follows the rule: "urge", "urges", "urged", "urging"; "deny", "denies", "denied". */
function inflections(verb: string): RegExp {
  const stem = verb.replace(/e$/, '');
  const forms = [verb, `${verb}s`, `${verb}es`, `${stem}ed`, `${stem}ing`, `${verb}d`];
  if (/[^aeiou]y$/.test(verb)) forms.push(`${verb.slice(0, -1)}ies`, `${verb.slice(0, -1)}ied`);
  // "admitted", "admitting".
  if (/[^aeiou][aeiou][bdgmnprt]$/.test(verb)) forms.push(`${verb}${verb.at(-1)}ed`, `${verb}${verb.at(-1)}ing`);
  return new RegExp(`^(?:${forms.join('|')})$`);
}

/** Verbs of saying, by the key a text's form and a sentence's are compared on ("urged" and "urging" are one); British spellings as the American. */
const VERBS: readonly (readonly [key: string, form: RegExp])[] = [...IRREGULAR, ...REGULAR.split(' ').map((verb) => [verb, inflections(verb)] as const)];

/** Forms that say "X said" with X after them: "said Kirby". */
const SAID_BEFORE = /^(?:said|says|added|wrote|warned)$/;

/** Words before a noun, not a verb: "deny these claims", "His comments", "so-called". */
const DETERMINERS = new Set(['the', 'these', 'those', 'this', 'that', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'such', 'any', 'no', 'new', 'so', 'of', 'whose']);

export interface Saying {
  key: string;
  /** The verb or noun as the sentence writes it. */
  verb: string;
  by: Entity[];
  /** For accusations: the entities of what is alleged, in order ("North Korea supplying weapons to Russia"). */
  of?: Entity[];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The key of a verb of saying, or undefined. */
export function sayingKey(word: string): string | undefined {
  const lower = word.toLowerCase().replace(/^(emphas|critic)is/, '$1iz');
  return VERBS.find(([, form]) => form.test(lower))?.[0];
}

/**
 * What each verb of saying in `sentence` is said by. `before` is its paragraph up to it, for whom a pronoun points
 * back to ("He also mentioned"); a fact's text has none.
 */
export function sayingsIn(sentence: string, before: string, entities: readonly Entity[]): Saying[] {
  const text = foldApostrophes(sentence);
  const mentions = mentionsIn(text, entities);
  const inMention = (at: number) => mentions.some((m) => at >= m.start && at < m.end);
  const words: Word[] = [...text.matchAll(/\p{L}+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const sayings: Saying[] = [];
  let previous: { end: number; by: Entity[] } | undefined;
  words.forEach((word, i) => {
    const key = sayingKey(word.text);
    // A noun after a possessive ("Putin’s comments") or a determiner ("these claims") says nothing.
    if (!key || inMention(word.start) || DETERMINERS.has(words[i - 1]?.text.toLowerCase() ?? '') || /'s\s+$/.test(text.slice(0, word.start))) return;
    const saying = sayingAt({ text, mentions, before, entities }, word, key, previous);
    sayings.push(saying);
    previous = { end: word.end, by: saying.by };
  });
  sayings.push(...nounSayings(text, mentions));
  for (const match of text.matchAll(/\baccording to (?:the )?/g)) {
    const first = mentions.find((m) => m.start === match.index + match[0].length);
    if (first) sayings.push({ key: 'say', verb: 'according to', by: coordinated(text, mentions, first) });
  }
  return sayings;
}

interface Sentence {
  text: string;
  mentions: Mention[];
  before: string;
  entities: readonly Entity[];
}

function sayingAt(sentence: Sentence, word: Word, key: string, previous: { end: number; by: Entity[] } | undefined): Saying {
  const { text, mentions } = sentence;
  const clauseStart = Math.max(0, ...[...text.slice(0, word.start).matchAll(/[,;:]/g)].map((m) => m.index + 1));
  const from = Math.max(clauseStart, previous?.end ?? 0);
  const stretch = text.slice(from, word.start);
  // "North Korea was accused by the U.S. of …": the accuser after "by", the accused before.
  if (/\b(?:was|were|is|are|been|being)\s+$/.test(stretch)) {
    const agent = mentions.find((m) => m.start >= word.end && /^ by (?:the )?$/.test(text.slice(word.end, m.start)));
    const subject = mentions.find((m) => m.start >= from && m.end <= word.start);
    const by = agent ? coordinated(text, mentions, agent) : [];
    const of = [...(subject ? coordinated(text, mentions, subject) : []), ...entitiesBetween(mentions, agent?.end ?? word.end, clauseEnd(text, word.end))];
    return { key, verb: word.text, by, ...(key === 'accuse' ? { of: of.filter((e) => !by.includes(e)) } : {}) };
  }
  const by = subjectOf(sentence, word, stretch, from, previous);
  const after = mentions.find((m) => m.start > word.end && /^ (?:the )?$/.test(text.slice(word.end, m.start)));
  if (after && SAID_BEFORE.test(word.text.toLowerCase())) by.push(...coordinated(text, mentions, after));
  const saying: Saying = { key, verb: word.text, by: unique(by) };
  if (key === 'accuse') saying.of = entitiesBetween(mentions, word.end, clauseEnd(text, word.end));
  return saying;
}

/** "accusations from the U.S. and South Korea of North Korea supplying weapons to Russia", "denials by Moscow". */
function nounSayings(text: string, mentions: Mention[]): Saying[] {
  const found: Saying[] = [];
  for (const match of text.matchAll(/\b(accusations?|denials?|allegations?|claims?|criticism|warnings?)\s+(?:from|by)\s+/gi)) {
    const from = match.index + match[0].length;
    const stop = clauseEnd(text, from);
    const of = text.slice(from, stop).indexOf(' of ');
    const until = of >= 0 ? from + of : stop;
    const noun = match[1]!.toLowerCase();
    const key = noun.startsWith('accus') ? 'accuse' : noun.startsWith('denial') ? 'deny' : (sayingKey(noun) ?? noun.replace(/s$/, ''));
    const saying: Saying = { key, verb: match[1]!, by: unique(entitiesBetween(mentions, from, until)) };
    if (key === 'accuse' && of >= 0) saying.of = entitiesBetween(mentions, until, stop);
    found.push(saying);
  }
  return found;
}

/** A clause ends at a comma, a semicolon or a colon, or the sentence's end; not at the full stop of "U.S.". */
function clauseEnd(text: string, from: number): number {
  const stop = /[,;:]/.exec(text.slice(from));
  return stop ? from + stop.index : text.length;
}

function entitiesBetween(mentions: Mention[], from: number, to: number): Entity[] {
  return mentions.filter((m) => m.start >= from && m.end <= to).map((m) => m.entity);
}

/** A mention and those listed with it: "the U.S. and South Korea", "Moscow and Pyongyang", "the U.S., South Korea, and Japan". */
function coordinated(text: string, mentions: Mention[], first: Mention): Entity[] {
  const group = [first.entity];
  let last = first;
  for (const next of mentions.slice(mentions.indexOf(first) + 1)) {
    if (!/^(?:,\s*|\s+)(?:(?:and|or)\s+)?(?:the\s+)?$/.test(text.slice(last.end, next.start))) break;
    group.push(next.entity);
    last = next;
  }
  return group;
}

/** Pronouns right before a verb, past the adverbs and auxiliaries between: "what he termed", "He also mentioned". */
const PRONOUN_BEFORE = /\b(he|she|they|it|He|She|They|It)\s+(?:(?:also|then|later|again|has|had|have|will|would|\w+ly)\s+)*$/;

/**
 * Who the verb at `word` is said by: a pronoun right before it; a verb joined by "and" to the one before, or a
 * participle after a comma ("criticized the visit, urging"), the one before's; else the first name in its clause and
 * those listed with it ("both Moscow and Pyongyang deny").
 */
function subjectOf({ text, mentions, before, entities }: Sentence, word: Word, stretch: string, from: number, previous: { by: Entity[] } | undefined): Entity[] {
  const pronoun = PRONOUN_BEFORE.exec(stretch);
  if (pronoun) {
    const person = lastNamed(before + text.slice(0, from + pronoun.index), entities, /^(?:he|she)$/i.test(pronoun[1]!));
    return person ? [person] : [];
  }
  const joined = /(?:^|\s)(?:and|or|but)\s+(?:also\s+|then\s+)?$/.test(stretch) || stretch.trim() === '';
  if (previous && joined) return [...previous.by];
  const first = mentions.find((m) => m.start >= from && m.end <= word.start);
  if (first) return coordinated(text, mentions, first);
  if (previous) return [...previous.by];
  // "John Kirby, of the council, said": the clause's commas hide its subject; the sentence's first name is it.
  const opening = mentions.find((m) => m.end <= word.start);
  return opening ? coordinated(text, mentions, opening) : [];
}

function unique(entities: Entity[]): Entity[] {
  return [...new Set(entities)];
}
