/**
 * The story's screen: what the script on every page needs to tell, without the
 * matcher, that a page cannot mention the story. Built at build time from the
 * bundled pack and compiled into that script as two regular expressions, so a
 * page without the story's names costs a couple of native searches and no
 * message to the background (page/page-screen.ts uses it).
 *
 * Conservative by construction: whatever the matcher would find, the screen
 * lets through. Only names that count on their own matter (`always` forms): a
 * short form that needs the full name first cannot be a page's first mention.
 * Exclusion phrases come along so "The Washington Post" alone does not pass.
 * What the screen ignores (required dashes, shouted lines, ambiguous names)
 * only lets more through.
 */
import { codeClass, DASH_CODES, isWordCodePoint, SPACE_CODES } from './chars';
import { buildPatterns, type Pattern } from './patterns';
import type { MatchableEntity } from './types';
import { trieExpression } from './word-trie';

export interface ScreenSource {
  /**
   * Regular expression (flags `g`) for the first word of every name that counts
   * on its own, in the shape of their trie (word-trie.ts). The one expression
   * tried over a whole page's text: one native search.
   */
  anchors: string;
  /**
   * The names that count on their own, but those that begin with a shorter
   * one (withoutCoveredNames), as the scanner folds them, keyed by the
   * first word the search found (no first word begins another, so a place has
   * one), longest first: a found first word is already matched, and only its
   * own names are tried there.
   */
  names: Record<string, string[]>;
  /**
   * For one piece of text: the names above and every exclusion phrase that
   * is not also such a name, as the scanner folds them
   * (chars.ts), each marked by its
   * first character: "+" a name, "-" an exclusion (a name inside one is not a
   * mention); keyed by the code of the form's first character. Longest first, a
   * name before an exclusion of the same length: tried in this order at a
   * place, they take what resolve.ts takes there. Grouped here, at build time,
   * because building the groups on a page cost more than searching it.
   */
  forms: Record<number, string[]>;
  /** Character class (a regular expression) of the forms' first characters: where one may start. */
  formStarts: string;
  /** The longest form's length. */
  reach: number;
  /** Forms that may start / end inside a word (those beginning / ending in a script written without spaces). */
  openStart: string[];
  openEnd: string[];
}

function firstWord(form: string): string {
  const end = form.search(/[ ']/);
  // A first word of one letter ("S Korea") would stop the search at every capital S of a page: the next word goes with it.
  if (end === 1 && form[1] === ' ') {
    const next = form.slice(2).search(/[ ']/);
    return next > 0 ? form.slice(0, 2 + next) : form;
  }
  return end > 0 ? form.slice(0, end) : form;
}

/** A space of a first word ("S Korea") is what the scanner reads as one: a run of whitespace, or one dash. */
const SEPARATOR = `(?:${codeClass(SPACE_CODES)}+|${codeClass(DASH_CODES)})`;

/**
 * The names minus those that begin with a shorter one up to a word's end
 * ("United States of America" begins with "United States"): wherever the
 * longer is on a page the shorter is too, on word boundaries, and either lets
 * the text through. Not when an exclusion phrase longer than the shorter name
 * begins the longer one: it would hide the shorter name where the matcher
 * takes the longer.
 */
function withoutCoveredNames(names: readonly string[], named: readonly Pattern[], exclusions: readonly Pattern[]): string[] {
  const endsOpen = new Set(named.filter((pattern) => !pattern.rightBoundary).map((pattern) => pattern.form));
  const covers = (shorter: string, longer: string) => {
    if (shorter.length >= longer.length || !longer.startsWith(shorter)) return false;
    if (!endsOpen.has(shorter) && isWordCodePoint(longer.codePointAt(shorter.length)!)) return false;
    return !exclusions.some((phrase) => phrase.form.length > shorter.length && longer.startsWith(phrase.form));
  };
  return names.filter((longer) => !names.some((shorter) => covers(shorter, longer)));
}

export function buildScreen(entities: readonly MatchableEntity[]): ScreenSource {
  const named = buildPatterns(entities).filter((pattern) => !pattern.exclude && pattern.always);
  const names = [...new Set(named.map((pattern) => pattern.form))];
  // An exclusion hides only its own entity's names (resolve.ts), and matters here only where it holds one of them:
  // one that holds another entity's name is left out, the screen letting more through rather than less.
  const holds = (phrase: string, mine: boolean, entity: number) =>
    named.some((name) => (name.entity === entity) === mine && phrase.includes(name.form));
  const exclusions = buildPatterns(entities).filter(
    (pattern) => pattern.exclude && holds(pattern.form, true, pattern.entity) && !holds(pattern.form, false, pattern.entity),
  );
  const patterns = [...named, ...exclusions];

  // A word another one begins with adds nothing: wherever "NorthKorea" is, "North" is.
  const words = [...new Set(names.map(firstWord))].sort((a, b) => a.length - b.length);
  const anchors = words.filter((word, i) => !words.slice(0, i).some((shorter) => word.startsWith(shorter)));

  const nameSet = new Set(withoutCoveredNames(names, named, exclusions));
  const kept = patterns.filter((pattern) => pattern.exclude || nameSet.has(pattern.form));
  const forms = [...new Set(kept.map((pattern) => pattern.form))].sort(
    (a, b) => b.length - a.length || Number(nameSet.has(b)) - Number(nameSet.has(a)),
  );

  const byAnchor: Record<string, string[]> = {};
  for (const name of forms) {
    if (!nameSet.has(name)) continue;
    const anchor = anchors.find((word) => name.startsWith(word))!;
    (byAnchor[anchor] ??= []).push(name);
  }

  const byStart: Record<number, string[]> = {};
  for (const form of forms) (byStart[form.charCodeAt(0)] ??= []).push(nameSet.has(form) ? `+${form}` : `-${form}`);

  return {
    anchors: trieExpression(anchors).replaceAll(' ', SEPARATOR),
    names: byAnchor,
    forms: byStart,
    formStarts: codeClass(Object.keys(byStart).map(Number)),
    reach: Math.max(0, ...forms.map((form) => form.length)),
    openStart: forms.filter((form) => kept.some((p) => p.form === form && !p.leftBoundary)),
    openEnd: forms.filter((form) => kept.some((p) => p.form === form && !p.rightBoundary)),
  };
}
