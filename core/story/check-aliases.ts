/**
 * Alias checks. A written form claimed by two entities would let the matcher
 * attach one entity's facts to the other's name, so sharing must be declared
 * on every side; other checks catch alias settings that can never take effect.
 */
import { foldText } from '../matcher';
import { COMMON_WORDS } from '../matcher/common-words';
import type { Indexed } from './check-references';
import type { PathProblem } from './problems';
import type { Alias, Entity } from './schema';

interface AliasUse {
  entity: string;
  text: string;
  path: string;
  ambiguous: boolean;
}

export function normaliseAlias(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Uses are grouped by the matcher's own folding (whitespace, dashes, apostrophes;
 * case kept), because two spellings it cannot tell apart are one alias on a page.
 * The canonical name counts too: the matcher adds it when the aliases omit it.
 */
function collectUses(entities: Indexed<Entity>[]): Map<string, AliasUse[]> {
  const uses = new Map<string, AliasUse[]>();
  const add = (use: AliasUse) => {
    const key = foldText(use.text);
    uses.set(key, [...(uses.get(key) ?? []), use]);
  };
  for (const { index, value } of entities) {
    value.aliases.forEach((alias, j) => {
      add({ entity: value.id, text: normaliseAlias(alias.text), path: `$[${index}].aliases[${j}]`, ambiguous: alias.ambiguous });
    });
    const named = value.aliases.some((a) => foldText(a.text) === foldText(value.name));
    if (!named) add({ entity: value.id, text: normaliseAlias(value.name), path: `$[${index}].name`, ambiguous: false });
  }
  return uses;
}

function checkSharing(uses: AliasUse[], complete: boolean): PathProblem[] {
  const problems: PathProblem[] = [];
  uses.forEach((use, k) => {
    // Straight and curly spellings of one alias on one entity are deliberate; exact repeats are not.
    const repeat = uses.slice(0, k).find((u) => u.entity === use.entity && u.text === use.text);
    if (repeat) {
      problems.push({ path: use.path, message: `alias "${use.text}" is listed twice on "${use.entity}" (also ${repeat.path})` });
      return;
    }
    const others = uses.filter((u) => u.entity !== use.entity);
    if (others.length === 0) {
      // With some entities invalid, the other user of the alias may be among them.
      if (use.ambiguous && complete) {
        problems.push({ path: `${use.path}.ambiguous`, message: `alias "${use.text}" is marked ambiguous but no other entity uses it` });
      }
      return;
    }
    if (!use.ambiguous) {
      const where = others.map((o) => `"${o.entity}" (${o.path})`).join(', ');
      problems.push({
        path: use.path,
        message: `alias "${use.text}" also belongs to ${where}; a shared alias needs ambiguous: true on every entity that uses it`,
      });
    }
  });
  return problems;
}

function checkSettings({ index, value }: Indexed<Entity>): PathProblem[] {
  const problems: PathProblem[] = [];
  // The matcher treats an unlisted canonical name as an `always` alias.
  const nameListed = value.aliases.some((a) => foldText(a.text) === foldText(value.name));
  const hasAlways = !nameListed || value.aliases.some((a) => a.rule === 'always');
  value.aliases.forEach((alias, j) => {
    const at = `$[${index}].aliases[${j}]`;
    if (alias.rule === 'after-full-name' && !hasAlways) {
      problems.push({
        path: `${at}.rule`,
        message: `"${alias.text}" waits for a full name, but "${value.id}" has no alias with rule "always"`,
      });
    }
    problems.push(...wordProblems(alias, value, at));
    // An exclusion hides the alias inside it, so it must hold it. A phrase of another place may name it in other words
    // ("University of Idaho" for Moscow's), and ends the alias's mentions all the same.
    alias.exclude.forEach((phrase, k) => {
      // In its own case, or in capitals as a dateline writes it ("MOSCOW, Idaho").
      const folded = foldText(phrase);
      if (!folded.includes(foldText(alias.text)) && !folded.includes(foldText(alias.text).toUpperCase())) {
        problems.push({
          path: `${at}.exclude[${k}]`,
          message: `exclude phrase "${phrase}" does not contain the alias "${alias.text}", so it can never apply`,
        });
      }
    });
  });
  return problems;
}

/**
 * The matcher reads case, so an alias in lower case is matched as a word of the page's prose ("us" in "Let us know"),
 * and a capitalised ordinary word ("Will", "Hope") wherever a sentence opens with it: such a form must wait for the full
 * name, or be kept as `never`. The canonical name is what the story is about ("China"), and stands; so does a country's
 * or a place's name ("Turkey", "Chad"), which news writes alone, and which the matcher tells from the word by its capital.
 * A script without case (Korean, Chinese, Arabic: "김정은") has no lower case to take for prose.
 */
function wordProblems(alias: Alias, entity: Entity, at: string): PathProblem[] {
  const text = normaliseAlias(alias.text);
  if (/\p{Ll}/u.test(text) && !/[\p{Lu}\p{Lt}\p{N}]/u.test(text)) {
    return [{ path: `${at}.text`, message: `alias "${text}" of "${entity.id}" has no capital letter or digit: the matcher would take the ordinary word in a page's prose for ${entity.name}` }];
  }
  const place = entity.category === 'country' || entity.category === 'place';
  const common = !place && COMMON_WORDS.has(text.toLowerCase()) && alias.rule === 'always' && foldText(text) !== foldText(entity.name);
  if (!common) return [];
  return [
    {
      path: `${at}.rule`,
      message: `alias "${text}" of "${entity.id}" is an ordinary English word, which opens sentences and headlines that do not mean ${entity.name}; give it rule "after-full-name" or "never"`,
    },
  ];
}

/** `complete`: every entity in the file passed the schema, so `entities` is all of them. */
export function checkAliases(entities: Indexed<Entity>[], complete: boolean): PathProblem[] {
  const shared = [...collectUses(entities).values()].flatMap((uses) => checkSharing(uses, complete));
  return [...shared, ...entities.flatMap(checkSettings)];
}
