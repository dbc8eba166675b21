/**
 * A text's names and roles against the sentence it cites. The card shows the text as
 * the sentence's claim, so it may name only whom the sentence speaks of ("Putin’s
 * visit to Vietnam" is no claim of "Putin’s visit to North Korea"), and whoever the
 * text has saying, accusing or denying must do so in the sentence ("Russia and South
 * Korea accuse North Korea of supplying weapons to the U.S." beside "accusations from
 * the U.S. and South Korea of North Korea supplying weapons to Russia").
 */
import { listNames, namedIn, referredIn } from './names';
import { sayingsIn, type Saying } from './sayings';
import type { Entity } from './schema';

/** `before`: the quote's paragraph up to it, where the names its pronouns point back to are. */
export function nameProblems(text: string, quote: string, before: string, entities: readonly Entity[]): string[] {
  const referred = referredIn(quote, before, entities);
  const strangers = entities.filter((entity) => namedIn(text, entity) && !referred.has(entity));
  const named =
    strangers.length === 0
      ? []
      : [`the text names ${listNames(strangers)}, which the sentence it cites does not (by name, or by a pronoun after the name earlier in its paragraph); a name may stand only for one the sentence speaks of`];
  return [...named, ...roleProblems(sayingsIn(text, '', entities), sayingsIn(quote, before, entities))];
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
