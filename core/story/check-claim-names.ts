/**
 * A text's names and roles against the sentence it cites. The card shows the text as
 * the sentence's claim, so it may name only whom the sentence speaks of ("Putin’s
 * visit to Vietnam" is no claim of "Putin’s visit to North Korea"), and whoever the
 * text has saying, accusing or denying must do so in the sentence ("Russia and South
 * Korea accuse North Korea of supplying weapons to the U.S." beside "accusations from
 * the U.S. and South Korea of North Korea supplying weapons to Russia"). Other names keep
 * the sentence's order and the words it joins to them: with every word the sentence's,
 * "Russia might supply North Korea" is still not its claim.
 */
import { foldApostrophes, listedNext, listNames, mentionsIn, mentionsWithDemonymsIn, namedOrAdjectiveIn, referencesIn, referredIn } from './names';
import type { Indexed } from './check-references';
import { sentencesIn } from './citations';
import type { PathProblem } from './problems';
import { sayingsIn, type Saying } from './sayings';
import type { Entity, Fact } from './schema';
import { FUNCTION_WORDS, sameWord, stem, wordsOf } from './words';

/**
 * `before`: the quote's paragraph up to it, where the names its pronouns point back to are. `described`: the entity a
 * description is of, which its card names before it.
 */
export function nameProblems(text: string, quote: string, before: string, entities: readonly Entity[], described?: Entity): string[] {
  const referred = referredIn(quote, before, entities);
  const strangers = entities.filter((entity) => namedOrAdjectiveIn(text, entity) && !referred.has(entity));
  const named =
    strangers.length === 0
      ? []
      : [`the text names ${listNames(strangers)}, which the sentence it cites does not (by name, or by a pronoun after the name earlier in its paragraph); a name may stand only for one the sentence speaks of`];
  const told = sayingsIn(text, '', entities);
  const cited = sayingsIn(quote, before, entities);
  const adjectives = adjectiveProblems(text, quote, entities);
  const roles = roleProblems(told, cited);
  // Swapped adjectives, sayers or accused have messages that say more of the swap than the order of names does.
  const swaps = adjectives.length > 0 || roles.length > 0 ? [] : orderProblems(text, quote, before, entities, told, cited, described);
  const order = swaps.length > 0 || adjectives.length > 0 || roles.length > 0 || named.length > 0 ? swaps : bondProblems(text, quote, entities);
  return [...named, ...adjectives, ...order, ...roles, ...accusedActProblems(text, quote, told, cited, entities)];
}

/**
 * Names keep the order the sentence gives them: each of the text's names and adjectives must stand, in turn, where the
 * sentence speaks of that entity (a name, an adjective, a pronoun, "the visit") at or after where the one before it
 * did. Word checks cannot see "North Korea might supply Russia" told as "Russia might supply North Korea", every word
 * the sentence's. A name may be said again, and those the sentence gives at one place (“Russian President Vladimir
 * Putin”) may come in any order. Who says something may move ("…, John Kirby highlighted"): who that is, and whom an
 * accusation is about, roleProblems holds; names the sentence does not speak of are the strangers' message. A
 * description's names said where the sentence names its entity are part of that name, wherever the card puts them
 * ("U.S. council with John Kirby" of "John Kirby of the U.S. National Security Council").
 */
function orderProblems(text: string, quote: string, before: string, entities: readonly Entity[], told: Saying[], cited: Saying[], described?: Entity): string[] {
  const sayers = new Set(cited.flatMap((c) => c.by));
  const movable = new Set(told.flatMap((t) => t.by).filter((entity) => sayers.has(entity)));
  const places = referencesIn(quote, before, entities);
  for (const place of places) if (described && place.has(described)) for (const entity of place) movable.add(entity);
  const names = mentionsWithDemonymsIn(text, entities).filter(
    (m) => !(m.demonym ? isSpeaker(text, m) : movable.has(m.entity)) && places.some((place) => place.has(m.entity)),
  );
  let at = 0;
  let previous: Entity | undefined;
  for (const { entity } of names) {
    const next = places.findIndex((place, i) => i >= at && place.has(entity));
    if (next < 0) {
      return [
        `the text has ${previous!.name} before ${entity.name}, where the sentence it cites has ${entity.name} before ${previous!.name}: ` +
          'a name may not move to what the sentence says of another; keep its order of names',
      ];
    }
    at = next;
    previous = entity;
  }
  return [];
}

/**
 * A country's adjective keeps its place among the sentence's names: the text's adjectives, in order, must be among the
 * sentence's names and adjectives in that order. Every adjective of "South Korean soldiers crossing into North Korean
 * territory, prompting warning shots from North Korean soldiers" is one the sentence has, the other way round.
 */
function adjectiveProblems(text: string, quote: string, entities: readonly Entity[]): string[] {
  const phrase = (source: string, m: { start: number; end: number }) => `“${source.slice(m.start, m.end)}${/^[\s-]\p{L}+/u.exec(source.slice(m.end))?.[0] ?? ''}”`;
  const told = mentionsWithDemonymsIn(text, entities);
  const cited = mentionsWithDemonymsIn(quote, entities);
  // Who says it may move to the end ("…, a South Korean official said"): such an adjective keeps its words, not its place.
  const speakers = told.filter((m) => m.demonym && isSpeaker(text, m));
  const moved = speakers.filter((m) => !cited.some((c) => c.demonym && c.entity === m.entity && phrase(quote, c) === phrase(text, m)));
  const adjectives = told.filter((m) => m.demonym && !speakers.includes(m));
  const inOrder = isSubsequence(
    adjectives.map((m) => m.entity),
    cited.filter((c) => !(c.demonym && isSpeaker(quote, c))).map((c) => c.entity),
  );
  if (inOrder && moved.length === 0) return [];
  const quoted = cited.filter((m) => m.demonym);
  const shown = inOrder ? moved : told.filter((m) => m.demonym);
  return [
    `the text has ${shown.map((m) => phrase(text, m)).join(', ')}${inOrder ? '' : ', in that order,'} where the sentence it cites has ` +
      `${quoted.length > 0 ? quoted.map((m) => phrase(quote, m)).join(', ') : 'no such adjective'}: a country's adjective is a name, and may not move to what the sentence says of another`,
  ];
}

/** Words that join a name to the word before it: "invasion of Ukraine", "support for North Korea’s". */
const LINKS = new Set(['of', 'for', 'to', 'with', 'in', 'by', 'from', 'on', 'at', 'into', 'over']);

interface Bond {
  entity: Entity;
  key: string;
  /** The name and its word as written. */
  phrase: string;
}

/**
 * The word each name is joined to, right before it ("invasion of", "supply") or right after it ("’s unwavering",
 * "might"): with nothing but a possessive, "the" or one linking word between, and no comma. Names listed together
 * share the words around the list: "Russia and North Korea will" is as much Russia's "will" as North Korea's.
 */
function bondsIn(source: string, entities: readonly Entity[]): Bond[] {
  const folded = foldApostrophes(source);
  const mentions = mentionsWithDemonymsIn(folded, entities);
  const inMention = (at: number) => mentions.some((m) => at >= m.start && at < m.end);
  const tokens = [...folded.matchAll(/[\p{L}\p{N}]+/gu)].map((t) => ({ word: t[0].toLowerCase(), start: t.index, end: t.index + t[0].length })).filter((t) => !inMention(t.start));
  const spaced = (from: number, to: number) => /^\s+$/.test(folded.slice(from, to));
  const bond = (entity: Entity, key: string, from: number, to: number): Bond => ({ entity, key, phrase: `“${source.slice(from, to)}”` });
  const after = mentions.map((m): Bond[] => {
    let next = tokens.find((t) => t.start >= m.end);
    let link = '';
    if (next?.word === 's' && folded.slice(m.end, next.start) === "'") {
      link = 's';
      next = tokens.find((t) => t.start > next!.end);
      if (next && !spaced(m.end + 2, next.start)) next = undefined;
    } else if (next && !spaced(m.end, next.start)) next = undefined;
    return next && !FUNCTION_WORDS.has(next.word) ? [bond(m.entity, `after ${link} ${stem(next.word)}`, m.start, next.end)] : [];
  });
  const before = mentions.map((m): Bond[] => {
    const earlier = tokens.filter((t) => t.end <= m.start);
    let at = earlier.length - 1;
    let end = m.start;
    const step = () => {
      const token = at >= 0 && spaced(earlier[at]!.end, end) ? earlier[at] : undefined;
      if (token) [end, at] = [token.start, at - 1];
      return token;
    };
    let previous = step();
    if (previous?.word === 'the') previous = step();
    const link = previous && LINKS.has(previous.word) ? previous.word : '';
    if (link) previous = step();
    return previous && !FUNCTION_WORDS.has(previous.word) ? [bond(m.entity, `before ${link} ${stem(previous.word)}`, previous.start, m.end)] : [];
  });
  // Those of one list, and a name and the one it is “of” ("John Kirby of the U.S. National Security Council expressed").
  const inList = new Set(listedNext(folded, mentions));
  const listed = (i: number) => inList.has(mentions[i + 1]!) || /^\s+(?:of|from|at)\s+(?:the\s+)?$/.test(folded.slice(mentions[i]!.end, mentions[i + 1]!.start));
  for (let i = mentions.length - 2; i >= 0; i--) if (listed(i)) after[i]!.push(...after[i + 1]!.map((b) => ({ ...b, entity: mentions[i]!.entity })));
  for (let i = 1; i < mentions.length; i++) if (listed(i - 1)) before[i]!.push(...before[i - 1]!.map((b) => ({ ...b, entity: mentions[i]!.entity })));
  return [...after, ...before].flat();
}

/**
 * A name keeps the words the sentence joins to it: where every “unwavering” of the sentence follows “North Korea’s”, the
 * text's “Ukraine’s unwavering” tells of Ukraine what the sentence says of North Korea, though its names may be in an
 * order the sentence has elsewhere ("… his invasion of Ukraine and emphasized that Russia and North Korea …").
 */
function bondProblems(text: string, quote: string, entities: readonly Entity[]): string[] {
  const cited = bondsIn(quote, entities);
  const moved = bondsIn(text, entities).flatMap((told) => {
    const same = cited.filter((c) => c.key === told.key);
    return same.length > 0 && !same.some((c) => c.entity === told.entity) ? [`${told.phrase} where the sentence it cites has ${same[0]!.phrase}`] : [];
  });
  return moved.length === 0 ? [] : [`the text has ${moved.join(', and ')}: a name may not move to what the sentence says of another; keep the words it is joined to`];
}

/** Words of saying that may follow a speaker told by an adjective: "a South Korean official said". */
const SAYS = /^(?:said|says|say|told|tells|stated|states|added|adds|announced|noted|according)$/;

/** Whether an adjective's phrase speaks (a saying within three words after it): "South Korean officials later told reporters". */
function isSpeaker(source: string, m: { end: number }): boolean {
  return wordsOf(source.slice(m.end, m.end + 80)).slice(0, 4).some((word) => SAYS.test(word));
}

/** The words of what a sentence's accusation alleges: "supplying", "weapons" of "accusations from the U.S. … of North Korea supplying weapons to Russia". */
function allegedWords(quote: string, entities: readonly Entity[]): string[] {
  const words: string[] = [];
  for (const match of foldApostrophes(quote).matchAll(/\b(?:accus|alleg)\p{L}*\b([^,;:]*)/giu)) {
    const act = / of (.*)$/.exec(match[1]!)?.[1] ?? '';
    const unnamed = mentionsIn(act, entities).reduceRight((rest, m) => rest.slice(0, m.start) + ' ' + rest.slice(m.end), act);
    words.push(...wordsOf(unnamed).filter((word) => !FUNCTION_WORDS.has(word)));
  }
  return words;
}

/**
 * What a sentence gives only as alleged stays alleged: where the text tells the act ("supplies weapons"), it tells it
 * inside an accusation that names who accuses. "North Korea supplies weapons to Russia, which Moscow and Pyongyang
 * deny" keeps a word of denial, but states the act as the narrator's.
 */
function accusedActProblems(text: string, quote: string, told: Saying[], cited: Saying[], entities: readonly Entity[]): string[] {
  const accusers = cited.filter((c) => ACCUSING.has(c.key)).flatMap((c) => c.by);
  if (accusers.length === 0) return [];
  const act = allegedWords(quote, entities).map(stem);
  const telling = wordsOf(text).filter((word) => act.some((w) => sameWord(stem(word), w)));
  if (telling.length === 0) return [];
  if (told.some((t) => ACCUSING.has(t.key) && t.by.some((entity) => accusers.includes(entity)))) return [];
  return [
    `the text tells ${[...new Set(telling)].map((word) => `“${word}”`).join(', ')}, which the sentence it cites gives only as what ${listNames(new Set(accusers))} accuse; ` +
      'keep it inside the accusation and name who accuses ("… accuse North Korea of …", "accusations from … of …")',
  ];
}

const ACCUSING = new Set(['accuse', 'allege']);

function isSubsequence<T>(part: readonly T[], whole: readonly T[]): boolean {
  let at = 0;
  for (const item of whole) if (at < part.length && part[at] === item) at++;
  return at === part.length;
}

/**
 * The text's sayers must say the same thing in the sentence: those of its verb ("criticized"), or, where the sentence
 * says it in another word (the word checks tell of that), any who say something there. An accusation's accused and
 * what they are accused of keep their order.
 */
function roleProblems(told: Saying[], cited: Saying[]): string[] {
  return told.flatMap((saying) => {
    const same = cited.filter((c) => c.key === saying.key);
    const against = same.length > 0 ? same : cited;
    if (saying.by.length === 0 || against.length === 0) return [];
    const sayers = new Set(against.flatMap((c) => c.by));
    const strangers = saying.by.filter((entity) => !sayers.has(entity));
    const problems: string[] = [];
    if (strangers.length > 0) {
      problems.push(`the text has ${listNames(strangers)} as who “${saying.verb}”, but in the sentence it cites that is ${sayers.size > 0 ? listNames(sayers) : 'no one the story names'}`);
    }
    const alleged = same.flatMap((c) => (c.of ? [c.of] : []));
    if (saying.of && alleged.length > 0 && !alleged.some((of) => sameOrder(of, saying.of!))) {
      problems.push(`the text has the accusation about ${listNames(saying.of) || 'no one'}, in that order; the sentence it cites has it about ${alleged.map((of) => listNames(of)).join(' or ')}`);
    }
    return problems;
  });
}

function sameOrder(a: readonly Entity[], b: readonly Entity[]): boolean {
  return a.length === b.length && a.every((entity, i) => entity === b[i]);
}

/**
 * Seats of government that stand for their country in news prose ("confrontations with Washington", "the
 * Moscow-Pyongyang relationship"), by the names a pack gives them; a fact naming one speaks of the country too.
 */
const CAPITALS: Readonly<Record<string, string>> = {
  Moscow: 'Russia',
  Pyongyang: 'North Korea',
  Washington: 'United States',
  Seoul: 'South Korea',
  Beijing: 'China',
  Tokyo: 'Japan',
  Kyiv: 'Ukraine',
  Hanoi: 'Vietnam',
};

/** A description that gives a person's office of state: "President of Russia", "Russia’s president". */
const OFFICE = '(?:president|prime minister|premier|chancellor|king|queen|supreme leader)';
const HEAD_OF_STATE = [new RegExp(`^(?:the )?${OFFICE} of (.+)$`, 'i'), new RegExp(`^(.+)['’]s ${OFFICE}$`, 'i')];

/** Words that speak of those named side by side in the sentence before as acting together: "He also mentioned plans … to jointly oppose". */
const JOINTLY = /\b(?:jointly|together)\b/;

/** Those a sentence names side by side, who may act jointly: "Russia and North Korea will “resolutely oppose”". */
function together(sentence: string, entities: readonly Entity[]): Set<Entity> {
  const mentions = mentionsIn(sentence, entities);
  const folded = foldApostrophes(sentence);
  const paired = mentions.flatMap((m, i) => {
    const next = mentions[i + 1];
    return next && /^(?:,\s*|\s+)(?:and|or)\s+(?:the\s+)?$/.test(folded.slice(m.end, next.start)) ? [m.entity, next.entity] : [];
  });
  return new Set(paired);
}

/**
 * A fact's subjects are the cards that show it, so each must be one its sentence or its text names: by a name, an
 * alias, its adjective, its capital, or its head of state by the office the pack's description gives ("Putin’s visit …
 * aims to deepen ties" is Russia's, Putin being "President of Russia"). Narrowly, "jointly" in the sentence speaks of
 * those the sentence before it in its paragraph names side by side (Putin's plans "to jointly oppose" are Russia's and
 * North Korea's, who "will “resolutely oppose”" there); a pronoun alone is not enough.
 */
export function checkSubjectsNamed(facts: Indexed<Fact>[], entities: readonly Entity[], paragraphs: readonly string[]): PathProblem[] {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const byName = new Map(entities.map((entity) => [entity.name, entity]));
  const heads = entities.flatMap((person) => {
    const office = person.category === 'person' ? HEAD_OF_STATE.map((form) => form.exec(person.description ?? '')).find(Boolean) : undefined;
    const country = office ? entities.find((entity) => entity.category === 'country' && namedOrAdjectiveIn(office[1]!, entity)) : undefined;
    return country ? [[person, country] as const] : [];
  });
  return facts.flatMap(({ index, value }) => {
    const { quote, paragraph: n } = value.citation;
    const paragraph = paragraphs[n] ?? '';
    const at = paragraph.indexOf(quote);
    const previous = at > 0 ? (sentencesIn(paragraph.slice(0, at)).at(-1) ?? '') : '';
    const names = (entity: Entity, text: string): boolean =>
      namedOrAdjectiveIn(text, entity) ||
      Object.entries(CAPITALS).some(([capital, country]) => country === entity.name && byName.has(capital) && namedOrAdjectiveIn(text, byName.get(capital)!)) ||
      heads.some(([head, country]) => country === entity && namedOrAdjectiveIn(text, head));
    const unnamed = value.subjects.flatMap((id) => {
      const entity = byId.get(id);
      if (!entity) return [];
      if (names(entity, quote) || names(entity, value.text) || (JOINTLY.test(quote) && together(previous, entities).has(entity))) return [];
      return [entity];
    });
    return unnamed.map((entity) => ({
      path: `$[${index}].subjects[${value.subjects.indexOf(entity.id)}]`,
      message:
        `fact "${value.id}": subject ${entity.name} is named neither in the sentence it cites nor in its text (by a name, an alias, its adjective, its capital or its head of state); ` +
        `${entity.name}'s card would show a fact that does not speak of it`,
    }));
  });
}
