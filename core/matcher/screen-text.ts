/**
 * The screen's tests on plain text (the source comes from screen.ts): runs
 * anywhere, so the property tests hold it against the matcher itself. Only
 * the first words are a regular expression; names are compared by hand where
 * one starts, because an expression of every name costs milliseconds to
 * compile on each page that needs it.
 */
import { endsWord, startsWord } from './boundaries';
import { APOSTROPHE_CODES, codeClass, DASH_CODES, IGNORABLE_CODES, isDash, isIgnorable, isWhitespace, SPACE_CODES } from './chars';
import type { ScreenSource } from './screen';

const SPACE = 0x20;
const PLUS = 0x2b;
const APOSTROPHE = 0x27;
const APOSTROPHES = new Set(APOSTROPHE_CODES);
const INVISIBLE = new RegExp(codeClass(IGNORABLE_CODES));
const INVISIBLES = new RegExp(codeClass(IGNORABLE_CODES), 'g');
/** What separates the two words of a first word that needs both ("S Korea"): a run of whitespace, or a dash. */
const SEPARATORS = new RegExp(`${codeClass(SPACE_CODES)}+|${codeClass(DASH_CODES)}`, 'g');
const SEPARATED = new RegExp(`${codeClass(SPACE_CODES)}|${codeClass(DASH_CODES)}`);
/** matchAt's answer when an invisible character stands in the way: it may hide inside a name. */
const UNSURE = -2;

export interface TextScreen {
  /**
   * Where names may be in `text`, a whole page's text in which blocks run
   * together (one search for their first words, which most pages stop at): [start, end) pairs, flat, of the longest name listed (screen.ts) at each place one
   * starts, word boundaries and exclusion phrases ignored (both can be
   * artefacts of blocks running together). Null when an invisible character
   * stands where a name may be (inside or next to a first word, or in a name).
   */
  namePlaces(text: string): number[] | null;
  /**
   * Whether one piece of text may hold a mention: false only when it holds
   * none of the names that count on their own, on word boundaries and outside
   * exclusion phrases. Its ends count as word boundaries.
   */
  mayMention(piece: string): boolean;
}

/** The scanner's folding of one character (chars.ts): a dash is a space, every apostrophe one. */
function folded(code: number): number {
  if (isWhitespace(code) || isDash(code)) return SPACE;
  return APOSTROPHES.has(code) ? APOSTROPHE : code;
}

/**
 * The end of `form` from its index `from` on, matched in `text` at `at`, -1
 * when it does not match there, UNSURE at an invisible character. A space in
 * a form is one separator on the page, as the scanner reads it: a run of
 * whitespace, or one dash.
 */
function matchAt(text: string, at: number, form: string, from: number): number {
  let i = at;
  for (let k = from; k < form.length; k++) {
    if (i >= text.length) return -1;
    const code = text.charCodeAt(i);
    const want = form.charCodeAt(k);
    // Forms are folded: a letter matches only itself, so most comparisons are
    // settled without the tables (this runs cold, once per page, where every call counts).
    if (code === want && want !== SPACE) {
      i++;
      continue;
    }
    if (isIgnorable(code)) return UNSURE;
    if (want === SPACE) {
      if (isDash(code)) i++;
      else if (isWhitespace(code)) while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
      else return -1;
    } else if (want === APOSTROPHE && APOSTROPHES.has(code)) i++;
    else return -1;
  }
  return i;
}

const isName = (form: string) => form.charCodeAt(0) === PLUS;

export function createTextScreen(source: ScreenSource): TextScreen {
  const firstWords = new RegExp(source.anchors, 'g');
  // Only for text with invisible characters: V8 searches an expression with an
  // alternative outside Latin-1 four times slower, and most pages have none.
  let firstWordsOrInvisible: RegExp | undefined;
  // Only for a piece of text that holds a name, which most pages never show.
  let formStarts: RegExp | undefined;
  const formsAt = (text: string, at: number): readonly string[] | undefined => source.forms[folded(text.charCodeAt(at))];

  /** Whether the invisible character at `at` may break a first word: the text around it, without them, has one. */
  function breaksFirstWord(text: string, at: number): boolean {
    const around = text.slice(Math.max(0, at - source.reach), at + source.reach).replace(INVISIBLES, '');
    firstWords.lastIndex = 0;
    return firstWords.test(around);
  }

  return {
    namePlaces(text) {
      const places: number[] = [];
      const search = INVISIBLE.test(text)
        ? (firstWordsOrInvisible ??= new RegExp(`${source.anchors}|${codeClass(IGNORABLE_CODES)}`, 'g'))
        : firstWords;
      search.lastIndex = 0;
      // Every first word counts, overlapping ones too: "US" inside "USSR", "Washington" in "George Washington".
      for (let match = search.exec(text); match; match = search.exec(text)) {
        const at = match.index;
        search.lastIndex = at + 1;
        if (isIgnorable(text.charCodeAt(at))) {
          // Soft hyphens fill some sites' long words: only one that may sit in a name matters.
          if (breaksFirstWord(text, at)) return null;
          continue;
        }
        const matched = match[0];
        // Folded as the screen lists it: "S\u00a0Korea" and "S-Korea" are "S Korea".
        const firstWord = SEPARATED.test(matched) ? matched.replace(SEPARATORS, ' ') : matched;
        for (const name of source.names[firstWord] ?? []) {
          const end = matchAt(text, at + matched.length, name, firstWord.length);
          if (end === UNSURE) return null;
          if (end >= 0) {
            places.push(at, end);
            break;
          }
        }
      }
      return places;
    },

    mayMention(piece) {
      // Invisible characters may sit inside a name: the matcher sees through them, this does not.
      if (INVISIBLE.test(piece)) return true;
      const starts = (formStarts ??= new RegExp(source.formStarts, 'g'));
      const { openStart, openEnd } = source;
      // Leftmost-longest as resolve.ts: a name wins, an exclusion hides what starts inside it.
      starts.lastIndex = 0;
      for (let match = starts.exec(piece); match; match = starts.exec(piece)) {
        const at = match.index;
        for (const form of formsAt(piece, at) ?? []) {
          const end = matchAt(piece, at, form, 1);
          if (end < 0) continue;
          const text = form.slice(1);
          if (!(openStart.includes(text) || startsWord(piece, at)) || !(openEnd.includes(text) || endsWord(piece, end))) continue;
          if (isName(form)) return true;
          starts.lastIndex = end;
          break;
        }
      }
      return false;
    },
  };
}
