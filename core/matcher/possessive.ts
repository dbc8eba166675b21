/**
 * A name whose first word is one letter ("S Korea", "N Korea", as headlines write
 * them) right after a letter and an apostrophe starts inside a word: "KIA’S KOREA
 * SALES", "Samsung’S Korea unit" hold no South Korea, only a possessive's "S".
 * Invisible characters between are looked past, as everywhere in the matcher.
 */
import { APOSTROPHE_CODES, isIgnorable, isWhitespace, isWordCodePoint } from './chars';

const APOSTROPHES = new Set(APOSTROPHE_CODES);

/** The index of the first visible character from `i` on, going `dir`; out of the text when there is none. */
function visible(text: string, i: number, dir: -1 | 1): number {
  while (i >= 0 && i < text.length && isIgnorable(text.charCodeAt(i))) i += dir;
  return i;
}

export function afterPossessiveLetter(text: string, start: number): boolean {
  const next = visible(text, start + 1, 1);
  if (next >= text.length || !isWhitespace(text.charCodeAt(next))) return false;
  const mark = visible(text, start - 1, -1);
  if (mark < 0 || !APOSTROPHES.has(text.charCodeAt(mark))) return false;
  const letter = visible(text, mark - 1, -1);
  return letter >= 0 && isWordCodePoint(text.charCodeAt(letter));
}
