/**
 * Words that turn a sentence round, leave it open or put it ahead: dropped, "did
 * not supply" would read "supplied", "mentioned plans to develop" "developed",
 * "will “resolutely oppose”" "opposed", "aims to deepen ties" "deepened ties".
 */
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
    if (key === undefined) return [];
    const what: string[] = [];
    for (const next of words.slice(i + 1)) {
      if (AUXILIARIES.has(next) || FUNCTION_WORDS.has(next) || qualifierKey(next) !== undefined) continue;
      what.push(next);
      if (!/ly$/.test(next)) break;
    }
    return what.length === 0 ? [] : [{ qualifier: word, key, what }];
  });
}

/**
 * The qualifiers of `quote` that `text` leaves out where it says what they qualify: "urging countries not to
 * support" is no part of "The U.S. criticized the visit", and needs no "not" there.
 */
export function droppedQualifiers(text: string, quote: string): string[] {
  const told = wordsOf(expandNot(text));
  const kept = new Set(told.map(qualifierKey));
  const dropped = qualified(quote)
    .filter(({ key, what }) => !kept.has(key) && told.some((word) => what.some((w) => sameWord(stem(word), stem(w)))))
    .map(({ qualifier }) => qualifier);
  return [...new Set(dropped)];
}
