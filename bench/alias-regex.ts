import type { MatchableEntity } from '../core/matcher';

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * The baselines' matcher: every name and alias the story can match, escaped
 * and combined into one alternation, longest first so "Russian Federation"
 * wins over "Russia". Word edges are lookarounds rather than \b, which fails
 * after a final dot ("U.S. said" has no \b after the dot). It knows none of
 * Backstory's rules: exclusions, after-full-name, case variants.
 */
export function aliasRegExpSource(entities: readonly MatchableEntity[]): string {
  const forms = new Set<string>();
  for (const entity of entities) {
    forms.add(entity.name);
    for (const alias of entity.aliases) if (alias.rule !== 'never') forms.add(alias.text);
  }
  const alternatives = [...forms].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegExp);
  return `(?<!\\w)(?:${alternatives.join('|')})(?!\\w)`;
}

/** Flags for the source above: global, case-sensitive like the matcher. */
export const ALIAS_REGEXP_FLAGS = 'g';
