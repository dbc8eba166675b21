/**
 * Where a text names the story's entities. The pack's checks hold the names of a
 * fact to those of the sentence it cites: a text that may name anyone the pack
 * knows can swap who did what ("Kim Jong Un visited Moscow" beside "Kim Jong Un’s
 * visit to Russia’s Far East").
 */
import type { Entity } from './schema';

/** Straight and curly apostrophes are one, as the matcher reads them. */
export const foldApostrophes = (text: string): string => text.replace(/[‘’‚‛]/g, "'");

/** An entity's name and the aliases that name it: "never" ones are forms too ambiguous to count. */
export function namesOf(entity: Entity): string[] {
  return [entity.name, ...entity.aliases.filter((alias) => alias.rule !== 'never').map((alias) => alias.text)];
}

export interface Mention {
  entity: Entity;
  start: number;
  end: number;
}

/** Every place `forms` stand in `text` on word boundaries: "US" is not named in "USA" or "Bonus". */
function placesOf(folded: string, forms: readonly string[]): { start: number; end: number }[] {
  const places: { start: number; end: number }[] = [];
  for (const name of forms) {
    const form = foldApostrophes(name);
    for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (!/\p{L}/u.test(folded[at - 1] ?? '') && !/\p{L}/u.test(folded[end] ?? '')) places.push({ start: at, end });
    }
  }
  return places;
}

/** Where the last mention of `entity` in `text` ends; -1 if there is none. */
export function lastEnd(text: string, entity: Entity): number {
  return placesOf(foldApostrophes(text), namesOf(entity)).reduce((best, place) => Math.max(best, place.end), -1);
}

export const namedIn = (text: string, entity: Entity): boolean => lastEnd(text, entity) >= 0;

/**
 * The mentions of `text`, leftmost-longest as the matcher takes them: "South Korea’s Foreign Ministry" is the
 * ministry, its "South Korea" no subject of its own.
 */
export function mentionsIn(text: string, entities: readonly Entity[]): Mention[] {
  const folded = foldApostrophes(text);
  const all = entities.flatMap((entity) => placesOf(folded, namesOf(entity)).map((place) => ({ entity, ...place })));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const mention of all) if (kept.length === 0 || mention.start >= kept.at(-1)!.end) kept.push(mention);
  return kept;
}

/** Adjectives no ending makes of the name, by the country's name: "American" needs no "America" alias. */
const IRREGULAR_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  'United States': ['American'],
  'United Kingdom': ['British'],
  France: ['French'],
  Germany: ['German'],
  Netherlands: ['Dutch'],
  Israel: ['Israeli'],
  Iraq: ['Iraqi'],
  Pakistan: ['Pakistani'],
  Philippines: ['Philippine', 'Filipino'],
  Poland: ['Polish'],
  Spain: ['Spanish'],
  Sweden: ['Swedish'],
  Switzerland: ['Swiss'],
  Thailand: ['Thai'],
  Turkey: ['Turkish'],
};

/**
 * How an article names a country as an adjective ("Russian President", "North Korean state media", "Soviet-era"):
 * the name or an alias with the usual endings, or one of a few irregular ones. "Korea" is never an alias, so "Korean"
 * names neither Korea.
 */
function demonymsOf(entity: Entity): string[] {
  if (entity.category !== 'country') return [];
  const regular = namesOf(entity).flatMap((name) => {
    const forms = [`${name}n`, `${name}ese`, `${name.replace(/[ae]$/, '')}ese`, `${name.replace(/e$/, '')}ian`];
    const union = /^(.+) Union$/.exec(name);
    return union ? [...forms, union[1]!] : forms;
  });
  return [...regular, ...(IRREGULAR_DEMONYMS[entity.name] ?? [])];
}

/**
 * The mentions of `text` with its countries' adjectives among them ("North Korean soldiers"), leftmost-longest: the
 * "South Korean" of "South Korean Foreign Ministry" is the ministry's. An adjective is a name: swapped, "South Korean
 * soldiers crossing into North Korean territory" tells the article's incident the other way round.
 */
export function mentionsWithDemonymsIn(text: string, entities: readonly Entity[]): (Mention & { demonym: boolean })[] {
  const folded = foldApostrophes(text);
  const all = entities.flatMap((entity) => [
    ...placesOf(folded, namesOf(entity)).map((place) => ({ entity, ...place, demonym: false })),
    ...placesOf(folded, demonymsOf(entity)).map((place) => ({ entity, ...place, demonym: true })),
  ]);
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: (Mention & { demonym: boolean })[] = [];
  for (const mention of all) if (kept.length === 0 || mention.start >= kept.at(-1)!.end) kept.push(mention);
  return kept;
}

/** Whether `text` names `entity`, by a name or by its adjective ("Japanese"). */
export const namedOrAdjectiveIn = (text: string, entity: Entity): boolean =>
  namedIn(text, entity) || placesOf(foldApostrophes(text), demonymsOf(entity)).length > 0;

const PERSONAL = /\b(?:he|she|his|her|him|He|She|His|Her|Him)\b/g;
const OPENING = /^(?:They|It|Their|Its)\b/;

/** The entity named last in `before`, a person where `personal` ("he" is no country). */
export function lastNamed(before: string, entities: readonly Entity[], personal: boolean): Entity | undefined {
  let last: { entity: Entity; end: number } | undefined;
  for (const entity of entities) {
    if (personal && entity.category !== 'person') continue;
    const end = lastEnd(before, entity);
    if (end >= 0 && (!last || end > last.end)) last = { entity, end };
  }
  return last?.entity;
}

/**
 * Whom a definite noun points back to, and where the noun stands: "The visit comes amid concerns" after "Putin’s visit
 * to North Korea" in its paragraph is Putin's visit to North Korea. The names right before the noun as its owner, or
 * right after it.
 */
function definiteReferents(sentence: string, before: string, entities: readonly Entity[]): { entity: Entity; start: number }[] {
  const found: { entity: Entity; start: number }[] = [];
  const folded = foldApostrophes(before);
  for (const { 1: noun, index } of sentence.matchAll(/\b[Tt]he ([a-z]{4,})\b/g)) {
    const at = [...folded.matchAll(new RegExp(`\\b${noun}\\b`, 'g'))].at(-1)?.index;
    if (at === undefined) continue;
    const owner = folded.slice(0, at);
    const after = folded.slice(at + noun!.length);
    for (const entity of entities) {
      const owns = namesOf(entity).some((name) => owner.endsWith(`${foldApostrophes(name)}'s `));
      const follows = namesOf(entity).some((name) => new RegExp(`^ (?:to|of|with|in|from|for) (?:the )?${escapeRegExp(foldApostrophes(name))}(?!\\p{L})`, 'u').test(after));
      // The owner before the one after, as the paragraph has them: "Putin’s visit to North Korea" is no visit of North Korea's to Putin.
      if (owns || follows) found.push({ entity, start: index + (owns ? 0 : 1) });
    }
  }
  return found;
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every entity a sentence speaks of: by name, as an adjective of a country, by a pronoun after a name earlier in its
 * paragraph (`before`: the paragraph up to the sentence), or by "the visit" after "Putin’s visit". A text citing the
 * sentence may name these and no others.
 */
export function referredIn(sentence: string, before: string, entities: readonly Entity[]): Set<Entity> {
  const found = new Set(entities.filter((entity) => namedOrAdjectiveIn(sentence, entity)));
  for (const match of sentence.matchAll(PERSONAL)) {
    const person = lastNamed(before + sentence.slice(0, match.index), entities, true);
    if (person) found.add(person);
  }
  if (OPENING.test(sentence)) {
    const entity = lastNamed(before, entities, false);
    if (entity) found.add(entity);
  }
  for (const { entity } of definiteReferents(sentence, before, entities)) found.add(entity);
  return found;
}

/**
 * Where a sentence speaks of each entity, in order: by name (a longer name's inner one too: "South Korea’s Foreign
 * Ministry" speaks of South Korea there), as an adjective, by a pronoun or "the visit" as `referredIn` reads them.
 * Those at one place form one group, in any order; so do a country's adjective and the title and name after it
 * ("Russian President Vladimir Putin" is Putin as Russia's, told either way round), and the names of a list. The
 * owner of "the visit" and the one it went to are two places, in the paragraph's order.
 */
export function referencesIn(sentence: string, before: string, entities: readonly Entity[]): Set<Entity>[] {
  const folded = foldApostrophes(sentence);
  const places = entities.flatMap((entity) => [
    ...placesOf(folded, namesOf(entity)).map((place) => ({ entity, ...place, demonym: false })),
    ...placesOf(folded, demonymsOf(entity)).map((place) => ({ entity, ...place, demonym: true })),
  ]);
  for (const match of sentence.matchAll(PERSONAL)) {
    const person = lastNamed(before + sentence.slice(0, match.index), entities, true);
    if (person) places.push({ entity: person, start: match.index, end: match.index + match[0].length, demonym: false });
  }
  const opening = OPENING.test(sentence) ? lastNamed(before, entities, false) : undefined;
  if (opening) places.push({ entity: opening, start: 0, end: 0, demonym: false });
  for (const { entity, start } of definiteReferents(sentence, before, entities)) places.push({ entity, start, end: start, demonym: false });
  places.sort((a, b) => a.start - b.start);
  const listed = new Set(listedNext(folded, mentionsWithDemonymsIn(folded, entities)).map((m) => m.start));
  // `end`: where its longest name ends, so a name inside it is the same place ("Putin" of "Vladimir Putin"). `adjective`:
  // where a country's adjective that may take a title and a name ends.
  const groups: { end: number; adjective?: number; entities: Set<Entity> }[] = [];
  for (const place of places) {
    const last = groups.at(-1);
    const titled = last?.adjective !== undefined && /^(?:\s+\p{Lu}[\p{L}.]*)*\s+$/u.test(folded.slice(last.adjective, place.start));
    // A list is one place: "the U.S., South Korea, and Japan" holds military exercises in any order it is told.
    if (last && (place.start < last.end || titled || listed.has(place.start))) {
      last.entities.add(place.entity);
      last.end = Math.max(last.end, place.end);
      if (titled) delete last.adjective;
    } else {
      groups.push({ end: Math.max(place.end, place.start + 1), ...(place.demonym ? { adjective: place.end } : {}), entities: new Set([place.entity]) });
    }
  }
  return groups.map((group) => group.entities);
}

/**
 * The mentions that follow another in one list: "South Korea" and "Japan" of "the U.S., South Korea, and Japan". A
 * comma alone lists only where an "and" or "or" closes the list: "on the Korean Peninsula, John Kirby said" is none.
 */
export function listedNext<M extends { start: number; end: number }>(folded: string, mentions: readonly M[]): M[] {
  const found: M[] = [];
  let closes = false;
  for (let i = mentions.length - 2; i >= 0; i--) {
    const gap = folded.slice(mentions[i]!.end, mentions[i + 1]!.start);
    const list = /^(?:,\s*|\s+)(?:(?:and|or)\s+)?(?:the\s+)?$/.test(gap);
    closes = list && (/\b(?:and|or)\b/.test(gap) || closes);
    if (closes) found.push(mentions[i + 1]!);
  }
  return found.reverse();
}

/** "United States, South Korea": for messages. */
export const listNames = (entities: Iterable<Entity>): string => [...entities].map((entity) => entity.name).join(', ');
