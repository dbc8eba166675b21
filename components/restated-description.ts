import type { Entity, Fact } from '../core/story/schema';

/**
 * Words that carry no claim of their own: "John Kirby is with the U.S. National Security Council" says no more than "of
 * the U.S. National Security Council" on his card. The pack is written in English.
 */
const FUNCTION_WORDS = new Set(
  'a an the of in on at to for with by from and or is are was were be been has have had its his her their s that which who whom whose where'.split(' '),
);

/** What the card's category already says of the entity ("country that collapsed in 1991"): no claim a sentence must back. */
const CATEGORY_NOUNS = new Set(['country', 'region', 'city', 'place', 'organization', 'person']);

/** Kinds the story's narrator states. Who said or disputes something is a claim of its own, kept under its heading. */
const RESTATABLE = new Set<Fact['kind']>(['background', 'event', 'relation']);

/**
 * The facts that say what the entity's description says, no more and no less (Kirby's "John Kirby is with the U.S.
 * National Security Council." under "of the U.S. National Security Council"), in the order given. The card shows none
 * of them below the description, which has a source of its own: the same statement twice on one card reads as padding.
 * No more: a fact hidden that said more would take its claim off the card. No less: the first one's source stands in
 * for the description's on a row an earlier version wrote without it, and beside a description that says more than its
 * sentence it would seem to back it all.
 */
export function restatingDescription(entity: Pick<Entity, 'name' | 'aliases' | 'description' | 'descriptionCitation'>, facts: readonly Fact[]): Fact[] {
  if (!entity.description) return [];
  // Its own sentence's facts only: the same words may tell another sentence's claim the other way round ("supplied
  // weapons to Beta" on Alpha's card, "Beta supplied weapons to Alpha"), which the card would lose.
  const own = entity.descriptionCitation;
  const fromOwnSentence = (fact: Fact) => !own || (fact.citation.paragraph === own.paragraph && fact.citation.quote === own.quote);
  // The entity's own names say nothing about it on its own card ("Vladimir Putin is the president of Russia.").
  const names = new Set([entity.name, ...entity.aliases.map((alias) => alias.text)].flatMap(words));
  const claim = (text: string) => new Set(words(text).filter((word) => !names.has(word)));
  const described = claim(entity.description);
  return facts.filter((fact) => {
    if (!RESTATABLE.has(fact.kind) || fact.contests.length > 0 || !fromOwnSentence(fact)) return false;
    const said = claim(fact.text);
    return [...said].every((word) => described.has(word)) && [...described].every((word) => said.has(word) || CATEGORY_NOUNS.has(word));
  });
}

/** The words of a text that carry its claim, in lower case, apostrophes folded ("Putin’s" is "putin" and "s"). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !FUNCTION_WORDS.has(word));
}
