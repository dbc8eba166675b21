/**
 * Words that turn a sentence round, leave it open or put it ahead: dropped, "did
 * not supply" would read "supplied", "mentioned plans to develop" "developed",
 * "will “resolutely oppose”" "opposed", "aims to deepen ties" "deepened ties".
 */
import { sayingKey } from './sayings';
import { FUNCTION_WORDS, expandNot, sameWord, stem, wordsOf } from './words';

/** Each qualifier's forms, by a key its forms share: "urging" and "urged" keep one qualifier. */
const QUALIFIERS: readonly (readonly [key: string, forms: RegExp])[] = [
  ['not', /^(?:not|no|never|nor|without)$/],
  ['may', /^(?:may|might|could|can|should|shall|must)$/],
  ['will', /^(?:will|would|wo)$/],
  ['reportedly', /^(?:reportedly|allegedly|suspected|potential|potentially|possible|possibly|likely)$/],
  ['plan', /^plan(?:s|ned|ning)?$/],
  ['aim', /^aim(?:s|ed|ing)?$/],
  ['intend', /^intend(?:s|ed|ing)?$|^intentions?$/],
  ['seek', /^(?:seek|seeks|seeking|sought)$/],
  ['urge', /^urg(?:e|es|ed|ing)$/],
  ['hope', /^hop(?:e|es|ed|ing)$/],
  ['want', /^want(?:s|ed|ing)?$/],
  ['propose', /^propos(?:e|es|ed|ing|al|als)$/],
  ['expect', /^expect(?:s|ed|ing)?$/],
  ['try', /^(?:try|tries|tried|trying|attempts?|attempted|attempting|efforts?)$/],
  ['threaten', /^threaten(?:s|ed|ing)?$/],
  ['promise', /^(?:promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|vows?|vowed|vowing)$/],
  // A speaker's label: without "what he termed", "unilateral and illegal restrictive measures" is the narrator's.
  // "Called" and "described" are one only in a label's shape (labelled, below): "in a call", "called Xi to thank him" are none.
  ['termed', /^(?:term(?:ed|ing)|dub(?:s|bed|bing)?|call(?:s|ed|ing)?|describ(?:e|es|ed|ing))$/],
  ['according', /^according$/],
];

const qualifierKey = (word: string): string | undefined => QUALIFIERS.find(([, forms]) => forms.test(word))?.[0];

/** Words said only to carry a verb: "did not supply", "could be sent", "plans to develop". */
const AUXILIARIES = new Set(['do', 'does', 'did', 'be', 'been', 'being', 'have', 'has', 'had', 'to', 'yet', 'ever', 'also']);

/**
 * Each qualifier of a sentence and the words it qualifies: the next that carries meaning, and past an adverb the word
 * it qualifies too ("will “resolutely oppose”" qualifies "oppose").
 */
function qualified(sentence: string): { qualifier: string; key: string; what: string[] }[] {
  const words = wordsOf(expandNot(sentence));
  return words.flatMap((word, i) => {
    const key = qualifierKey(word);
    if (key === undefined || (key === 'termed' && !labelled(words, i))) return [];
    // "According to Kirby, the visit …", "…, according to Kirby": the whole sentence is his, not the name after it alone.
    if (key === 'according') return [{ qualifier: word, key, what: words.filter((w, j) => j !== i && !FUNCTION_WORDS.has(w) && !AUXILIARIES.has(w)) }];
    const what: string[] = [];
    for (const next of words.slice(i + 1)) {
      if (AUXILIARIES.has(next) || FUNCTION_WORDS.has(next) || qualifierKey(next) !== undefined) continue;
      what.push(next);
      if (!/ly$/.test(next)) break;
    }
    return what.length === 0 ? [] : [{ qualifier: word, key, what }];
  });
}

/** Shapes of "called"/"described" that label: "so-called", "described the measures as", "what he called". */
const LABEL_VERB = /^(?:call|describ)/;

/** Whether the word at `i` is a speaker's label: "termed" and "dubbed" always; "called", "described" in a label's shape. */
function labelled(words: readonly string[], i: number): boolean {
  if (!LABEL_VERB.test(words[i]!)) return true;
  return words[i - 1] === 'so' || words.slice(i + 1, i + 5).includes('as') || words.slice(Math.max(0, i - 3), i).includes('what');
}

/**
 * The qualifiers of `quote` that `text` leaves out where it says what they qualify: "urging countries not to
 * support" is no part of "The U.S. criticized the visit", and needs no "not" there.
 */
export function droppedQualifiers(text: string, quote: string): string[] {
  const told = wordsOf(expandNot(text));
  const kept = new Set(told.map(qualifierKey));
  // "According to Kirby, …" is kept as well by "Kirby said …".
  if (told.some((word) => sayingKey(word) !== undefined)) kept.add('according');
  const dropped = qualified(quote)
    .filter(({ key, what }) => !kept.has(key) && told.some((word) => what.some((w) => sameWord(stem(word), stem(w)))))
    .map(({ qualifier }) => qualifier);
  return [...new Set(dropped)];
}

/** Labels that are a speaker's, not the narrator's: "what he termed", "so-called", "according to". */
export const isAttribution = (word: string): boolean => ['termed', 'according'].includes(qualifierKey(word) ?? '');

/** Forms of the past that do not end in "-ed"; "-ed" words that are none ("need", "hundred"). */
const IRREGULAR_PAST =
  /^(?:was|were|had|did|been|went|gone|came|met|held|made|took|taken|gave|given|sent|said|told|saw|seen|left|began|begun|brought|fought|led|won|lost|fell|fallen|rose|grew|became|spoke|wrote|written|kept|struck|chose|ran|sought|built|paid|sold|stood|thought|known|shown)$/;
const NOT_PAST = /(?:eed|hundred|sacred|naked|wicked|kindred|bed|red)$/;
/** Words in "-ed" that news uses as adjectives: "the planned treaty", "armed forces", "the alleged supply", "United Nations". */
const ADJECTIVES_IN_ED = /^(?:planned|armed|alleged|united|based|related|limited|advanced|detailed|supposed|unprecedented|concerned|so-called|called|unnamed|unspecified|unidentified|heightened|renewed|deepened)$/;
/** What sets a sentence in the past without a verb in it: "Kim Jong Un’s visit … last September", "in 1991". */
const PAST_TIME = /^(?:last|ago|earlier|yesterday|previously|former|formerly|once|since|\d{4})$/;

const isPast = (word: string): boolean => IRREGULAR_PAST.test(word) || (/..ed$/.test(word) && !NOT_PAST.test(word) && !ADJECTIVES_IN_ED.test(word));

/**
 * Past forms of `text` where `quote` tells it in the present or the future, with nothing in the past: "Putin visited
 * Vietnam on Wednesday and Thursday" beside "Putin’s visit also includes a stop in Vietnam on Wednesday and Thursday"
 * tells a trip under way, or to come, as made. Only where the sentence holds no past at all, so a sentence that tells
 * of the past in any form leaves its tenses to review.
 */
export function pastNotInQuote(text: string, quote: string): string[] {
  const quoted = wordsOf(quote);
  if (quoted.some((word) => isPast(word) || PAST_TIME.test(word))) return [];
  return [...new Set(wordsOf(text).filter(isPast))];
}
