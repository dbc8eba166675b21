/**
 * Turns the pack's entities into the flat list of strings the automaton
 * searches for, each remembering what a hit on it means.
 */
import { foldText, isUnspacedScript } from './chars';
import type { MatchableEntity, PatternRule } from './types';
import { aliasForms, type Form } from './variants';

/** One string the automaton searches for, with what a hit on it means. */
export interface Pattern extends PatternRule {
  /** Folded text the automaton matches. */
  form: string;
}

const ACRONYM = /^\p{Lu}{1,3}$/u;

function needsBoundary(cp: number | undefined): boolean {
  return cp === undefined || !isUnspacedScript(cp);
}

/**
 * The canonical name always counts as a mention even when the pack forgot to
 * list it among the aliases; when it is listed, that entry's rule decides
 * (a pack may mark its own name `never` on purpose).
 */
function aliasesWithName(entity: MatchableEntity): MatchableEntity['aliases'] {
  const name = foldText(entity.name);
  if (entity.aliases.some((alias) => foldText(alias.text) === name)) return entity.aliases;
  return [...entity.aliases, { text: entity.name, rule: 'always', exclude: [], ambiguous: false }];
}

/**
 * The forms of an exclusion phrase: folding covers how pages separate its words, and the alias inside it is also
 * written as every form the alias is matched in. Else a form of the alias ("Republic Of Korea", in a title-case
 * headline) would be a hit its phrase ("Democratic People's Republic of Korea") no longer hides.
 */
function exclusionForms(phrase: string, alias: string, matched: readonly Form[]): Form[] {
  const forms = aliasForms(phrase, 'always', false);
  const folded = foldText(phrase);
  const own = foldText(alias);
  const at = folded.indexOf(own);
  if (at < 0) return forms;
  const seen = new Set(forms.map((form) => form.text));
  const words = own.split(' ').length;
  for (const form of matched) {
    // Not the forms a page writes only on its own ("Jong-un" with its dash, "#NorthKorea" run together): a phrase
    // written around them is no phrase a page writes.
    if (form.allCaps || form.dashAt.length > 0 || form.text.split(' ').length !== words) continue;
    const text = folded.slice(0, at) + form.text + folded.slice(at + own.length);
    if (!seen.has(text)) {
      seen.add(text);
      forms.push({ text, allCaps: false, dashAt: [] });
    }
  }
  return forms;
}

export function buildPatterns(entities: readonly MatchableEntity[]): Pattern[] {
  const patterns: Pattern[] = [];
  const byKey = new Map<string, Pattern>();

  const add = (form: Form, entity: number, alias: string, exclude: boolean, always: boolean, acronym: boolean, elsewhere = false, alone = false, surname = false, otherFirstNames = false) => {
    const key = `${exclude ? 'x' : 'a'}${entity}\u0000${form.text}`;
    const existing = byKey.get(key);
    if (existing) {
      existing.elsewhere ||= elsewhere;
      // The same spelling reached through an `always` alias must not lose that status.
      if (always && !existing.always) Object.assign(existing, { always, alias, acronym, alone, surname, otherFirstNames });
      existing.dashAt = existing.dashAt.filter((at) => form.dashAt.includes(at));
      return;
    }
    const text = form.text;
    const pattern: Pattern = {
      form: text,
      entity,
      alias,
      exclude,
      elsewhere,
      always,
      acronym,
      alone,
      surname,
      otherFirstNames,
      dashAt: form.dashAt,
      leftBoundary: needsBoundary(text.codePointAt(0)),
      rightBoundary: needsBoundary(text.codePointAt(text.length - 1)),
    };
    byKey.set(key, pattern);
    patterns.push(pattern);
  };

  entities.forEach((entity, index) => {
    for (const alias of aliasesWithName(entity)) {
      if (alias.rule === 'never') continue;
      const always = alias.rule === 'always';
      const acronym = ACRONYM.test(foldText(alias.text));
      const forms = aliasForms(alias.text, 'unless-common');
      for (const form of forms) {
        add(form, index, alias.text, false, always, acronym && !form.allCaps, false, alias.alone === true, alias.surname === true, alias.otherFirstNames === true);
      }
      for (const phrase of alias.exclude) {
        for (const form of exclusionForms(phrase, alias.text, forms)) add(form, index, alias.text, true, false, false);
      }
      for (const phrase of alias.elsewhere ?? []) {
        for (const form of exclusionForms(phrase, alias.text, forms)) add(form, index, alias.text, true, false, false, true);
      }
    }
  });
  return patterns;
}
