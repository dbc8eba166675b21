/**
 * Cross-reference checks between entities and facts: an id that resolves to
 * nothing would show a card with a hole in it, and a one-way `contests` link
 * would show one side of a dispute without the other.
 */
import type { PathProblem } from './problems';
import type { Entity, Fact } from './schema';

/** A schema-valid element with its position in the file, for JSON paths. */
export interface Indexed<T> {
  index: number;
  value: T;
}

export function checkUniqueIds(items: Indexed<{ id: string }>[], noun: string): PathProblem[] {
  const first = new Map<string, number>();
  const problems: PathProblem[] = [];
  for (const { index, value } of items) {
    const seen = first.get(value.id);
    if (seen === undefined) first.set(value.id, index);
    else problems.push({ path: `$[${index}].id`, message: `duplicate ${noun} id "${value.id}" (first used at $[${seen}])` });
  }
  return problems;
}

/**
 * `undefined` means entities.json is not even a list: every reference would fail,
 * and saying so once per reference would bury the one real problem.
 */
export type KnownIds = ReadonlySet<string> | undefined;

function unknownEntity(id: string, path: string, entityIds: KnownIds): PathProblem[] {
  if (entityIds === undefined || entityIds.has(id)) return [];
  return [{ path, message: `unknown entity id "${id}" (not in entities.json)` }];
}

export function checkSanctionsBy(entities: Indexed<Entity>[], entityIds: KnownIds): PathProblem[] {
  return entities.flatMap(({ index, value }) =>
    (value.sanctions?.by ?? []).flatMap((id, k) => unknownEntity(id, `$[${index}].sanctions.by[${k}]`, entityIds)),
  );
}

function checkSubjects({ index, value }: Indexed<Fact>, entityIds: KnownIds): PathProblem[] {
  return value.subjects.flatMap((id, k) => {
    const path = `$[${index}].subjects[${k}]`;
    if (value.subjects.indexOf(id) !== k) return [{ path, message: `subject "${id}" is listed twice` }];
    return unknownEntity(id, path, entityIds);
  });
}

/** Kinds of fact that are someone's words, as the schema says: a speaker is required. */
const SAID: ReadonlySet<Fact['kind']> = new Set(['statement', 'accusation', 'denial']);

function checkSpeaker({ index, value }: Indexed<Fact>, entityIds: KnownIds): PathProblem[] {
  const path = `$[${index}].speaker`;
  if (value.speaker !== undefined) return unknownEntity(value.speaker, path, entityIds);
  // A statement, an accusation or a denial without a speaker would present someone's words as established fact.
  return SAID.has(value.kind) ? [{ path, message: `a fact of kind "${value.kind}" needs a speaker` }] : [];
}

function checkContests(
  { index, value }: Indexed<Fact>,
  factIds: ReadonlySet<string>,
  byId: ReadonlyMap<string, Indexed<Fact>>,
): PathProblem[] {
  return value.contests.flatMap((id, k) => {
    const path = `$[${index}].contests[${k}]`;
    if (id === value.id) return [{ path, message: 'a fact cannot contest itself' }];
    if (!factIds.has(id)) return [{ path, message: `unknown fact id "${id}" (not in facts.json)` }];
    const other = byId.get(id);
    if (other === undefined) return [];
    if (!other.value.contests.includes(value.id)) {
      return [{ path, message: `"${value.id}" contests "${id}" but not the other way round; add "${value.id}" to $[${other.index}].contests` }];
    }
    // Reported from the side that is not a denial, once a link is two-way. A card files both under "Accusations and denials": a
    // concern the article attributes to no one, set against a denial of someone's accusation, would become one more
    // accusation, which the article does not make.
    const denials = [value.kind, other.value.kind].filter((kind) => kind === 'denial').length;
    if (denials === 1 && (value.kind === 'denial' || CONTESTABLE.has(value.kind))) return [];
    return [
      {
        path,
        message: `only a denial and the accusation or statement it answers contest each other; "${value.id}" is of kind "${value.kind}", "${id}" of kind "${other.value.kind}"`,
      },
    ];
  });
}

/** What a denial can answer: a claim someone made. */
const CONTESTABLE: ReadonlySet<Fact['kind']> = new Set(['accusation', 'statement']);

export function checkFactReferences(
  facts: Indexed<Fact>[],
  entityIds: KnownIds,
  factIds: ReadonlySet<string>,
): PathProblem[] {
  const byId = new Map<string, Indexed<Fact>>();
  for (const fact of facts) if (!byId.has(fact.value.id)) byId.set(fact.value.id, fact);
  return facts.flatMap((fact) => [
    ...checkSubjects(fact, entityIds),
    ...checkSpeaker(fact, entityIds),
    ...checkContests(fact, factIds, byId),
  ]);
}

/** An entity no fact is about would highlight a name and then have nothing to say. */
export function checkEveryEntityHasFacts(entities: Indexed<Entity>[], subjectIds: KnownIds): PathProblem[] {
  if (subjectIds === undefined) return [];
  return entities.flatMap(({ index, value }) =>
    subjectIds.has(value.id)
      ? []
      : [{ path: `$[${index}]`, message: `no fact in facts.json has "${value.id}" among its subjects` }],
  );
}
