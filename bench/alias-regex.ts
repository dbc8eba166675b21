import type { MatchableEntity } from '../core/matcher';
import { APOSTROPHE_CODES, codeClass, DASH_CODES, SPACE_CODES } from '../core/matcher/chars';
import { buildPatterns } from '../core/matcher/patterns';

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** Between two words of a name the scanner takes any run of spaces (no-break ones too) or one dash of any kind (core/matcher/chars.ts). */
const SEPARATOR = `(?:${codeClass(SPACE_CODES)}+|${codeClass(DASH_CODES)})`;
const DASH = codeClass(DASH_CODES);
const APOSTROPHE = codeClass(APOSTROPHE_CODES);
/** What continues a word for the scanner (chars.ts, isWordCodePoint): no such character may touch a name. */
const WORD = '[\\p{L}\\p{M}\\p{N}_]';

/** One form as a regular expression: its separators as the scanner reads them, a dash where the form needs one ("Jong-un"). */
function formSource(text: string, dashAt: readonly number[]): string {
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === ' ') source += dashAt.includes(i) ? DASH : SEPARATOR;
    else if (ch === "'") source += APOSTROPHE;
    else source += escapeRegExp(ch);
  }
  return source;
}

/**
 * Variant (c) as issue #6 defines it, and as a mark.js user would write it:
 * the pack's names and the aliases that can count, escaped, longest first so
 * "Russian Federation" wins over "Russia", in one alternation between word
 * edges. Edges are lookarounds on Unicode letters rather than \b, which fails
 * after a final dot ("U.S. said") and inside accented words; they cost no
 * more than \b (measured in Node over the generated page's text). No separator classes,
 * no generated forms: what such a regex misses ("RUSSIAN FEDERATION",
 * "Kim Jong-un") it misses.
 */
export function aliasTextsRegExpSource(entities: readonly MatchableEntity[]): string {
  const texts = new Set(entities.flatMap((entity) => [entity.name, ...entity.aliases.filter((alias) => alias.rule !== 'never').map((alias) => alias.text)]));
  const sorted = [...texts].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?<!${WORD})(?:${sorted.map(escapeRegExp).join('|')})(?!${WORD})`;
}

/**
 * For an extra figure on the generated page, not judged: every form
 * Backstory's automaton searches for a name (core/matcher/patterns.ts: the aliases, the canonical name, and the
 * forms generated from them, ALL CAPS, a capital dropped after a dash,
 * accents decomposed, title case, run together), with the same separators
 * between words and the same word edges, in one alternation, longest first so
 * "Russian Federation" wins over "Russia". Edges are lookarounds rather than
 * \b, which fails after a final dot ("U.S. said" has no \b after the dot).
 * What it leaves out is what the matcher decides after a hit: exclusions,
 * after-full-name, acronyms in shouted lines; nor does it skip the invisible
 * characters the scanner ignores inside a name, which would put a class
 * between every two letters of every form. Some 98,000 characters for the
 * summit pack, and some 40 times the alias regex's time over the generated
 * page's text (measured in Node): it shows what a regex that searches as
 * much as Backstory costs, not what a mark.js user pays.
 */
export function formsRegExpSource(entities: readonly MatchableEntity[]): string {
  const forms = new Map<string, { dashAt: number[]; left: boolean; right: boolean }>();
  for (const pattern of buildPatterns(entities)) {
    if (pattern.exclude) continue;
    const seen = forms.get(pattern.form);
    // Reached with and without a dash needed, the looser holds, as the compiler merges them.
    if (seen) seen.dashAt = seen.dashAt.filter((at) => pattern.dashAt.includes(at));
    else forms.set(pattern.form, { dashAt: [...pattern.dashAt], left: pattern.leftBoundary, right: pattern.rightBoundary });
  }
  const sorted = [...forms].sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
  // Names in scripts written without spaces need no edge: grouped by the edges they need, the usual group first.
  const groups = new Map<string, string[]>();
  for (const [text, { dashAt, left, right }] of sorted) {
    const key = `${left ? `(?<!${WORD})` : ''}\u0000${right ? `(?!${WORD})` : ''}`;
    const group = groups.get(key) ?? [];
    group.push(formSource(text, dashAt));
    groups.set(key, group);
  }
  return [...groups]
    .sort(([a], [b]) => b.length - a.length)
    .map(([key, alternatives]) => {
      const [before, after] = key.split('\u0000');
      return `${before}(?:${alternatives.join('|')})${after}`;
    })
    .join('|');
}

/** Flags for both sources: global, Unicode for the word classes, case-sensitive like the matcher. */
export const ALIAS_REGEXP_FLAGS = 'gu';
