/**
 * Context checks for one candidate hit, looking only at the page characters
 * right around it. Called per hit, never per page character.
 */
import { codePointBefore, codePointFrom, isDash, isIgnorable, isLowerLetter, isUpperLetter, isWhitespace, isWordCodePoint } from './chars';

/** No letter or digit directly before `start`: "Russia" is not inside "WhiteRussia". */
export function startsWord(text: string, start: number): boolean {
  const cp = codePointBefore(text, start);
  return cp < 0 || !isWordCodePoint(cp);
}

/**
 * No letter or digit directly after `end`: "Russian", "Chinatown", "USA" and
 * "Putinism" hold no mention. "’s", "-led" and a sentence's full stop may follow.
 */
export function endsWord(text: string, end: number): boolean {
  const cp = codePointFrom(text, end);
  return cp < 0 || !isWordCodePoint(cp);
}

/** Punctuation and spaces allowed between an acronym and the word that gives the line away. */
const MAX_GAP = 3;

/**
 * Whether the word `dir` (-1 before, +1 after) of the range is written in
 * capitals (at least two letters, no lower-case one): the sign of a line set
 * in all caps, where a short acronym may just be a word ("TRUMP TELLS US").
 */
function neighbourIsShouted(text: string, from: number, dir: -1 | 1): boolean {
  let i = dir < 0 ? from - 1 : from;
  let gap = 0;
  for (; i >= 0 && i < text.length; i += dir) {
    const code = text.charCodeAt(i);
    if (isWordCodePoint(code)) break;
    if (!isIgnorable(code) && ++gap > MAX_GAP) return false;
  }
  let capitals = 0;
  for (; i >= 0 && i < text.length; i += dir) {
    const code = text.charCodeAt(i);
    if (isIgnorable(code)) continue;
    if (!isWordCodePoint(code)) break;
    const ch = text.charAt(i);
    if (isLowerLetter(ch)) return false;
    if (isUpperLetter(ch)) capitals++;
  }
  return capitals >= 2;
}

export function inShoutedLine(text: string, start: number, end: number): boolean {
  return neighbourIsShouted(text, start, -1) || neighbourIsShouted(text, end, 1);
}

/** Whether a dollar sign follows right after `end`: the acronym is a currency's prefix ("US$200", "HK$"), not the country. */
export function isCurrencyPrefix(text: string, end: number): boolean {
  // Past invisible characters (a soft hyphen, a zero-width space), which the matcher is blind to everywhere else.
  let i = end;
  while (i < text.length && isIgnorable(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 0x24;
}

/**
 * Whether the separators at folded offsets `dashAt` of the hit starting at
 * `start` are dashes on the page. Replays the scanner's folding (ignorables
 * skipped, whitespace runs fed once) to find them in the original text.
 */
export function dashesAt(text: string, start: number, dashAt: readonly number[]): boolean {
  let folded = 0;
  let next = 0;
  let lastWhitespace = false;
  for (let i = start; i < text.length && next < dashAt.length; i++) {
    const code = text.charCodeAt(i);
    if (isIgnorable(code)) continue;
    const whitespace = isWhitespace(code);
    if (whitespace && lastWhitespace) continue;
    lastWhitespace = whitespace;
    if (folded === dashAt[next]) {
      if (!isDash(code)) return false;
      next++;
    }
    folded++;
  }
  return next === dashAt.length;
}
