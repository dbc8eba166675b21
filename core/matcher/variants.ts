/**
 * From one alias as the pack writes it to every form a page may use for it.
 * The scanner folds dashes, spaces and apostrophes itself (chars.ts), so the
 * forms here only need to differ where folding cannot help: a space against a
 * hyphen, the case of a letter after a hyphen, joined hashtags, ALL CAPS.
 */
import { foldText, isLowerLetter, isUpperLetter } from './chars';
import { COMMON_WORDS } from './common-words';

/**
 * Each separator multiplies the forms; past this many, only the plain
 * space/hyphen choices are kept so one long official name cannot bloat the
 * automaton that runs on every page.
 */
const MAX_FORMS = 64;

/**
 * - `never`: no ALL-CAPS form.
 * - `unless-common`: ALL-CAPS unless the alias is short or an ordinary word.
 * - `always`: ALL-CAPS whenever it differs (exclusion phrases only suppress,
 *   so more forms of them cost no precision).
 */
export type CapsPolicy = 'never' | 'unless-common' | 'always';

export interface Form {
  /** Folded text, as the automaton matches it. */
  text: string;
  /** Generated ALL-CAPS form, not the alias's own spelling. */
  allCaps: boolean;
}

interface Option {
  sep: string;
  /** How the first letter after the separator is written. */
  first: 'keep' | 'lower' | 'upper';
}

const PLAIN: readonly Option[] = [
  { sep: ' ', first: 'keep' },
  { sep: '-', first: 'keep' },
];

/**
 * Options for the separator in front of `next`:
 * - space or any dash, always ("Kim Jong Un" / "Kim Jong‑Un");
 * - after a dash the next syllable may lose its capital ("Kim Jong-un"), and
 *   an alias written "Jong-un" also matches "Jong Un";
 * - capitalised parts may be run together, as hashtags do ("#NorthKorea").
 *   Never lower-case and joined: "Blackstone" is not "Black Stone".
 */
function richOptions(sep: string, prev: string, next: string): Option[] {
  const options = [...PLAIN];
  const first = next.charAt(0);
  if (isUpperLetter(first)) {
    options.push({ sep: '-', first: 'lower' });
    if (/\p{L}$/u.test(prev)) options.push({ sep: '', first: 'keep' });
  } else if (isLowerLetter(first) && sep === '-') {
    options.push({ sep: '-', first: 'upper' }, { sep: ' ', first: 'upper' });
  }
  return options;
}

function applyFirst(segment: string, first: Option['first']): string {
  if (first === 'keep') return segment;
  const head = segment.charAt(0);
  return (first === 'lower' ? head.toLowerCase() : head.toUpperCase()) + segment.slice(1);
}

/** All separator spellings of a folded alias, its own spelling first. */
export function separatorForms(folded: string, rich: boolean): string[] {
  const parts = folded.split(/([ -])/);
  const segments: string[] = [];
  const seps: string[] = [];
  for (let i = 0; i < parts.length; i++) (i % 2 === 0 ? segments : seps).push(parts[i]!);
  if (seps.length === 0) return [folded];
  // A leading or trailing hyphen ("-stan") is part of the spelling, not a separator.
  if (segments.some((segment) => segment === '')) return [folded];

  let optionSets = seps.map((sep, i) => (rich ? richOptions(sep, segments[i]!, segments[i + 1]!) : [...PLAIN]));
  const count = (sets: Option[][]) => sets.reduce((n, set) => n * set.length, 1);
  if (count(optionSets) > MAX_FORMS) optionSets = seps.map(() => [...PLAIN]);
  if (count(optionSets) > MAX_FORMS) optionSets = seps.map((sep) => [{ sep, first: 'keep' as const }]);

  let forms = [segments[0]!];
  for (let i = 0; i < seps.length; i++) {
    const next: string[] = [];
    for (const form of forms) {
      for (const option of optionSets[i]!) next.push(form + option.sep + applyFirst(segments[i + 1]!, option.first));
    }
    forms = next;
  }
  return [...new Set([folded, ...forms])];
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
  const phrase = /[ .-]/.test(folded);
  if (phrase) return upper;
  if ((folded.match(LETTER)?.length ?? 0) < 4) return null;
  if (COMMON_WORDS.has(folded.toLowerCase())) return null;
  return upper;
}

/** Every folded form of one alias (or exclusion phrase). */
export function aliasForms(text: string, caps: CapsPolicy): Form[] {
  const folded = foldText(text);
  if (folded === '') return [];
  const forms: Form[] = separatorForms(folded, true).map((form) => ({ text: form, allCaps: false }));
  const upper = allCapsForm(folded, caps);
  if (upper !== null) {
    for (const form of separatorForms(upper, false)) forms.push({ text: form, allCaps: true });
  }
  const seen = new Set<string>();
  return forms.filter((form) => !seen.has(form.text) && seen.add(form.text));
}
