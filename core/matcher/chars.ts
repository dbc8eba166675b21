/**
 * Character equivalences shared by the alias compiler and the page scanner.
 * Both sides fold text through the same tables, so an alias written with a
 * plain hyphen and apostrophe matches a page typeset with an en dash and a
 * curly apostrophe, and offsets still point into the page's own string.
 */

export const SPACE = 0x20;
export const HYPHEN = 0x2d;
export const APOSTROPHE = 0x27;

/**
 * Invisible characters that typesetters and CMSs put inside words (hyphenation
 * points, joiners, BOMs pasted mid-text), and the marks that set the direction
 * of a run of text, which pages in Arabic or Hebrew put round a Latin name.
 * Readers do not see them, so a name with one inside is still the name.
 */
export const IGNORABLE_CODES: readonly number[] = [
  0x00ad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

/** Everything a browser may render as a gap between words, no-break spaces included. */
export const SPACE_CODES: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

/** Hyphens and dashes: news sites use any of them in "Russia–North Korea" or "Kim Jong‑un". */
export const DASH_CODES: readonly number[] = [
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63, 0xff0d,
];

/** Apostrophe look-alikes, so "People’s" in the page equals "People's" in the pack. */
export const APOSTROPHE_CODES: readonly number[] = [0x27, 0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x2032, 0xff07];

const IGNORABLE = new Set(IGNORABLE_CODES);

/** A regular-expression character class of `codes` (all in the BMP). */
export function codeClass(codes: readonly number[]): string {
  return `[${codes.map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('')}]`;
}

const SPACES = new Set(SPACE_CODES);
const DASHES = new Set(DASH_CODES);
const APOSTROPHES = new Set(APOSTROPHE_CODES);

/**
 * The canonical code unit for `code`, or -1 when the character is ignorable.
 * Dashes fold to a space: inside a name "Kim Jong-Un", "Kim Jong Un" and
 * "Kim Jong–Un" are one spelling. Only whitespace runs collapse, though, so
 * "North - Korea" (a sentence dash) is three separators, not one.
 */
export function foldCode(code: number): number {
  if (IGNORABLE.has(code)) return -1;
  if (SPACES.has(code) || DASHES.has(code)) return SPACE;
  if (APOSTROPHES.has(code)) return APOSTROPHE;
  return code;
}

/**
 * Folds a string the way the scanner reads page text: ignorables dropped,
 * whitespace runs collapsed to one space, dashes to a space, apostrophes
 * unified, ends trimmed. Compile time and tests only, never per page character.
 */
export function foldText(text: string): string {
  let out = '';
  let lastWhitespace = true;
  for (let i = 0; i < text.length; i++) {
    const raw = text.charCodeAt(i);
    const code = foldCode(raw);
    if (code === -1) continue;
    const whitespace = SPACES.has(raw);
    if (whitespace && lastWhitespace) continue;
    lastWhitespace = whitespace;
    out += String.fromCharCode(code);
  }
  return out.trim();
}

export function isWhitespace(code: number): boolean {
  return SPACES.has(code);
}

export function isDash(code: number): boolean {
  return DASHES.has(code);
}

/** The marks that set a run's direction (U+200E/F, U+202A–E, U+2066–9): ignorable inside a name, a boundary beside it. */
export function isDirectionMark(code: number): boolean {
  return code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

export function isIgnorable(code: number): boolean {
  return IGNORABLE.has(code);
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Whether a code point continues a word, so an alias next to it would be part
 * of a longer word ("Russian", "Chinatown", "USA"). Apostrophes and dashes are
 * not word characters: "Russia’s" and "U.S.-led" contain their names.
 */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x5f;
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * Scripts written without spaces between words: a name in them is routinely
 * followed by more letters, so word boundaries cannot be required there.
 */
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;

export function isUnspacedScript(cp: number): boolean {
  return cp >= 0x0e00 && UNSPACED_SCRIPT.test(String.fromCodePoint(cp));
}

/** The code point ending just before `index` in `text`, skipping ignorables; -1 at the start. */
export function codePointBefore(text: string, index: number): number {
  let i = index - 1;
  while (i >= 0 && IGNORABLE.has(text.charCodeAt(i))) i--;
  if (i < 0) return -1;
  const low = text.charCodeAt(i);
  if (low >= 0xdc00 && low <= 0xdfff && i > 0) {
    const high = text.charCodeAt(i - 1);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The code point starting at `index` in `text`, skipping ignorables; -1 at the end. */
export function codePointFrom(text: string, index: number): number {
  let i = index;
  while (i < text.length && IGNORABLE.has(text.charCodeAt(i))) i++;
  if (i >= text.length) return -1;
  return text.codePointAt(i) ?? -1;
}

export function isUpperLetter(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLowerLetter(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
