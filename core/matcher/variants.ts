/**
 * From one alias as the pack writes it to every form a page may use for it.
 * The scanner already folds what folding can (chars.ts): any dash, space or
 * no-break space between two words is one separator, apostrophes are one
 * apostrophe, invisible characters vanish. So the forms here only differ
 * where folding cannot help: a capital lost after a hyphen ("Kim Jong-un"),
 * hashtag spelling ("#NorthKorea"), and ALL CAPS.
 *
 * Few forms per alias matter: the automaton is compiled on every page load.
 */
import { foldText, isLowerLetter, isUpperLetter } from './chars';
import { COMMON_WORDS } from './common-words';

/**
 * - `never`: no ALL-CAPS form.
 * - `unless-common`: ALL-CAPS unless the alias is short or an ordinary word.
 * - `always`: ALL-CAPS whenever it differs (exclusion phrases only suppress,
 *   so more forms of them cost no precision).
 */
export type CapsPolicy = 'never' | 'unless-common' | 'always';

export interface Form {
  /** Folded text, as the automaton matches it; words separated by single spaces. */
  text: string;
  /** Generated ALL-CAPS form, not the alias's own spelling. */
  allCaps: boolean;
  /**
   * Offsets in `text` of separators that must be a dash on the page: a
   * capital dropped after a hyphen is a spelling ("Jong-un"), after a space
   * it is another phrase ("White house" is not "White House").
   */
  dashAt: number[];
}

/**
 * Names of at most this many words get the lower-case-after-hyphen forms and each mix of capitals; official titles
 * only one form more, every word capitalised, as a title-case headline writes them: "Democratic People’s Republic Of Korea".
 */
const MAX_SEPARATORS_FOR_CASE_FORMS = 2;

interface Choice {
  word: string;
  dash: boolean;
}

function wordChoices(word: string, rich: boolean): Choice[] {
  const choices: Choice[] = [{ word, dash: false }];
  const first = word.charAt(0);
  if (rich && isUpperLetter(first)) choices.push({ word: first.toLowerCase() + word.slice(1), dash: true });
  if (rich && isLowerLetter(first)) choices.push({ word: first.toUpperCase() + word.slice(1), dash: false });
  return choices;
}

/** Separator forms of a folded alias, its own spelling first. */
export function separatorForms(folded: string, rich: boolean): Omit<Form, 'allCaps'>[] {
  const words = folded.split(' ');
  if (words.length === 1) return [{ text: folded, dashAt: [] }];
  const withCase = rich && words.length - 1 <= MAX_SEPARATORS_FOR_CASE_FORMS;
  let forms: Omit<Form, 'allCaps'>[] = [{ text: words[0]!, dashAt: [] }];
  for (const word of words.slice(1)) {
    const next: Omit<Form, 'allCaps'>[] = [];
    for (const form of forms) {
      for (const choice of wordChoices(word, withCase)) {
        const sep = form.text.length;
        next.push({ text: `${form.text} ${choice.word}`, dashAt: choice.dash ? [...form.dashAt, sep] : form.dashAt });
      }
    }
    forms = next;
  }
  // A longer name in a title-case line: every word capitalised, as a whole (one form, not one for each mix of them).
  const titled = words.map((word) => (isLowerLetter(word.charAt(0)) ? word.charAt(0).toUpperCase() + word.slice(1) : word)).join(' ');
  if (rich && !withCase && titled !== folded) forms.push({ text: titled, dashAt: [] });
  // Hashtags and handles run capitalised words together ("#NorthKorea", "@KimJongUn").
  // Never lower-case and joined: "Blackstone" is not "Black Stone".
  if (rich && words.slice(1).every((word) => isUpperLetter(word.charAt(0)))) {
    forms.push({ text: words.join(''), dashAt: [] });
  }
  return forms;
}

const LETTER = /\p{L}/gu;

/**
 * The ALL-CAPS spelling of a folded alias for headlines and datelines
 * ("PYONGYANG, North Korea —"), or null when it would be unsafe:
 * - a single word under four letters: "US" in "TRUMP TELLS US" is a pronoun;
 * - an ordinary English word ("CHINA", "TURKEY", "WILL"), unless `policy` is
 *   `always`.
 * Aliases with a space, dot or hyphen are phrases or abbreviations, which an
 * all-caps line does not turn into ordinary words.
 */
export function allCapsForm(folded: string, policy: CapsPolicy): string | null {
  if (policy === 'never') return null;
  const upper = folded.toUpperCase();
  if (upper === folded) return null;
  if (policy === 'always') return upper;
  if (/[ .]/.test(folded)) return upper;
  if ((folded.match(LETTER)?.length ?? 0) < 4) return null;
  if (COMMON_WORDS.has(folded.toLowerCase())) return null;
  return upper;
}

/** Vietnamese tone marks: grave, acute, tilde, hook above, dot below. */
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** A letter and the combining marks on it. */
const LETTER_AND_MARKS = /\P{M}\p{M}*/gu;

/**
 * Vietnamese as its keyboards and legacy code pages often write it: a vowel's own marks in one character, its tone
 * mark apart after it ("ê" and a combining dot below for "ệ"), which is neither composed nor decomposed form.
 */
function toneMarksApart(text: string): string {
  return text.normalize('NFD').replace(LETTER_AND_MARKS, (cluster) => {
    const tones = cluster.match(TONE_MARK);
    return tones === null ? cluster.normalize('NFC') : cluster.replace(TONE_MARK, '').normalize('NFC') + tones.join('');
  });
}

/**
 * Every folded form of one alias (`rich`) or exclusion phrase (not rich:
 * folding alone covers how pages separate its words).
 */
export function aliasForms(text: string, caps: CapsPolicy, rich = true): Form[] {
  if (foldText(text) === '') return [];
  const forms: Form[] = [];
  // An accent is one character or a letter and a combining mark, as the page's text was typed or converted:
  // "Miéville" either way. The scanner matches the page's own characters, so each is a form.
  for (const written of new Set([text.normalize('NFC'), text.normalize('NFD'), toneMarksApart(text)])) {
    const folded = foldText(written);
    forms.push(...separatorForms(folded, rich).map((form) => ({ ...form, allCaps: false })));
    const upper = allCapsForm(folded, caps);
    if (upper !== null) forms.push({ text: upper, allCaps: true, dashAt: [] });
  }

  const byText = new Map<string, Form>();
  for (const form of forms) {
    const existing = byText.get(form.text);
    if (!existing) byText.set(form.text, form);
    // Reached both with and without a dash requirement: the looser one holds.
    else existing.dashAt = existing.dashAt.filter((at) => form.dashAt.includes(at));
  }
  return [...byText.values()];
}
