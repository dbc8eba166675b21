/**
 * The screen's tests on plain text (the source comes from screen.ts): runs
 * anywhere, so the property tests hold it against the matcher itself. Only
 * the first words are a regular expression; names are compared by hand where
 * one starts, because an expression of every name costs milliseconds to
 * compile on each page that needs it.
 */
import { endsWord, startsWord } from './boundaries';
import { APOSTROPHE_CODES, codeClass, IGNORABLE_CODES, isDash, isIgnorable, isWhitespace } from './chars';
import type { ScreenSource } from './screen';

const SPACE = 0x20;
const PLUS = 0x2b;
const APOSTROPHE = 0x27;
const APOSTROPHES = new Set(APOSTROPHE_CODES);
const INVISIBLE = new RegExp(codeClass(IGNORABLE_CODES));
const INVISIBLES = new RegExp(codeClass(IGNORABLE_CODES), 'g');
/** matchAt's answer when an invisible character stands in the way: it may hide inside a name. */
const UNSURE = -2;

export interface TextScreen {
  /**
   * Where names may be in `text`, a whole page's text in which blocks run
   * together (one search for their first words, which most pages stop at): [start, end) pairs, flat, of the longest name at each place one
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

interface Form {
  text: string;
  name: boolean;
}

/** The scanner's folding of one character (chars.ts): a dash is a space, every apostrophe one. */
function folded(code: number): number {
  if (isWhitespace(code) || isDash(code)) return SPACE;
  return APOSTROPHES.has(code) ? APOSTROPHE : code;
}

/**
 * The end of `form` matched in `text` at `at`, -1 when it does not match there,
 * UNSURE at an invisible character. A space in a form is one separator on the
 * page, as the scanner reads it: a run of whitespace, or one dash.
 */
function matchAt(text: string, at: number, form: string): number {
  let i = at;
  for (let k = 0; k < form.length; k++) {
    if (i >= text.length) return -1;
    const code = text.charCodeAt(i);
    if (isIgnorable(code)) return UNSURE;
    const want = form.charCodeAt(k);
    if (want === SPACE) {
      if (isDash(code)) i++;
      else if (isWhitespace(code)) while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
      else return -1;
    } else if (folded(code) === want) i++;
    else return -1;
  }
  return i;
}

export function createTextScreen(source: ScreenSource): TextScreen {
  const firstWords = new RegExp(source.anchors, 'g');
  // Only for text with invisible characters: V8 searches an expression with an
  // alternative outside Latin-1 four times slower, and most pages have none.
  let firstWordsOrInvisible: RegExp | undefined;
  // The rest is built on the first text that holds a first word: most pages
  // without the story hold none, and this runs in every frame of every page.
  let tables: ReturnType<typeof buildTables> | undefined;
  const built = () => (tables ??= buildTables(source));
  const formsAt = (text: string, at: number) => built().byStart.get(folded(text.charCodeAt(at)));

  /** Whether the invisible character at `at` may break a first word: the text around it, without them, has one. */
  function breaksFirstWord(text: string, at: number): boolean {
    const { reach } = built();
    const around = text.slice(Math.max(0, at - reach), at + reach).replace(INVISIBLES, '');
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
        for (const form of formsAt(text, at) ?? []) {
          if (!form.name) continue;
          const end = matchAt(text, at, form.text);
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
      const { formStarts, openStart, openEnd } = built();
      // Leftmost-longest as resolve.ts: a name wins, an exclusion hides what starts inside it.
      formStarts.lastIndex = 0;
      for (let match = formStarts.exec(piece); match; match = formStarts.exec(piece)) {
        const at = match.index;
        for (const form of formsAt(piece, at)!) {
          const end = matchAt(piece, at, form.text);
          if (end < 0) continue;
          if (!(openStart.has(form.text) || startsWord(piece, at)) || !(openEnd.has(form.text) || endsWord(piece, end))) continue;
          if (form.name) return true;
          formStarts.lastIndex = end;
          break;
        }
      }
      return false;
    },
  };
}

/** The screen's forms by their first character, and what the checks of one piece need. */
function buildTables(source: ScreenSource) {
  // In the source's order, which is the order they are tried in.
  const byStart = new Map<number, Form[]>();
  for (const marked of source.forms) {
    const form = { text: marked.slice(1), name: marked.charCodeAt(0) === PLUS };
    const key = form.text.charCodeAt(0);
    const list = byStart.get(key);
    if (list) list.push(form);
    else byStart.set(key, [form]);
  }
  return {
    byStart,
    // Where a form may start in a piece: a native search, not a lookup per character.
    formStarts: new RegExp(`[${[...byStart.keys()].map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('')}]`, 'g'),
    /** How far from an invisible character a first word it breaks can reach. */
    reach: Math.max(0, ...source.forms.map((form) => form.length)),
    openStart: new Set(source.openStart),
    openEnd: new Set(source.openEnd),
  };
}
