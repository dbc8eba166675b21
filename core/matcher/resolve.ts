/**
 * From overlapping hits to mentions: leftmost-longest, with the pack's rules.
 *
 * - At each start the longest eligible hit wins and hides every hit that
 *   starts inside it: "Russia’s Far East" is the place, "Democratic People's
 *   Republic of Korea" is North Korea and not also Korea, "South Korea’s
 *   Foreign Ministry" is the ministry alone.
 * - An exclusion phrase hides its own entity's hits that start inside it, and
 *   reports nothing ("Washington Post" hides "Washington"). Other entities'
 *   names in it are names all the same: "South Korea’s National Security
 *   Council" is South Korea, and not the U.S. council. One naming another place
 *   of the same name ("Moscow, Idaho") also ends the entity's mentions for the
 *   rest of the part of the page it stands in (MatchState.parts: an article of
 *   a front page), or of the page when it has no parts, unless a longer
 *   exclusion holds it ("a Washington state visit"). When an exclusion and
 *   an alias cover the very same text, the alias wins.
 * - `after-full-name` hits are eligible only when the entity's full name was
 *   seen earlier on the page. A full name hidden inside a longer mention still
 *   counts as seen ("South Korea’s Foreign Ministry … Seoul"); one hidden
 *   inside its own exclusion phrase does not.
 * - Several entities on the very same text (an alias the pack marks
 *   `ambiguous`): the one whose full name was seen most recently wins; when
 *   none was seen the text is left unmarked rather than guessed.
 * - A surname counted only standing `alone` is passed over after another
 *   person of that surname was named ("Kim Kardashian posted… Kim said"),
 *   until the entity's full name comes again, in a sentence of its own: one
 *   that also names that person by the surname ("Kim Yo Jong, the sister of
 *   Kim Jong Un, said") leaves a bare "Kim" after it theirs. A `surname` after a given name
 *   ("receiver Malik Washington") ends its entity's mentions after it, as an
 *   `elsewhere` phrase does. The scanner reports such a name as the pattern's
 *   complement (scan.ts Candidates); one inside a mention ("Kim" of "Kim Jong
 *   Un") is none.
 */
import type { PatternRule } from './types';
import { namesakeBySurname, sentenceEndBetween } from './boundaries';
import type { Candidates } from './scan';
import { isElsewhere, markElsewhere, markSeen, namesakeKey, namesakeSince } from './state';
import type { MatchState, Span } from './types';

export function resolve(
  text: string,
  hits: Candidates,
  patterns: readonly PatternRule[],
  entityIds: readonly string[],
  state: MatchState,
): Span[] {
  const n = hits.count;
  if (n === 0) return [];
  const { start, end, pattern } = hits;
  const order = sortedHits(hits, patterns);

  const spans: Span[] = [];
  let cursor = -1;
  /** Per entity, where the last exclusion phrase of its met so far ends: its hits starting before that are hidden. */
  let excludedUntil: Map<number, number> | undefined;
  const excluded = (p: PatternRule, at: number) => excludedUntil !== undefined && (excludedUntil.get(p.entity) ?? -1) > at;
  const counts = (p: PatternRule, entityId: string) =>
    (p.always || (state.seen.has(entityId) && !(p.alone && namesakeSince(state, entityId)))) && !isElsewhere(state, entityId);
  const judged = (p: PatternRule, entityId: string) => {
    state.depends?.push(entityId);
    if (!p.alone) return;
    // Whether another person of the surname was named above it; once one was, whether that or the full name came last.
    // Not the order before then: a live blog's new entry naming John Kirby would have every "Kirby" below read again.
    const namesake = namesakeKey(entityId);
    state.depends?.push(namesake);
    if (state.seen.has(namesake)) state.dependsOnOrder?.push(entityId, namesake);
  };
  /** Per entity, where the last other person of its surname named in this block stands ("Kim Yo Jong said"). */
  let namesakes: Map<string, [start: number, end: number]> | undefined;
  const sawFullName = (entityId: string, at: number) => {
    markSeen(state, entityId);
    const other = namesakes?.get(entityId);
    // "Kim Yo Jong, the sister of North Korean leader Kim Jong Un, said. Kim also said": AP's and Reuters' bare Kim is
    // hers. Both Kims named in one sentence by the surname, a bare one after them may be either: theirs, as the safer.
    if (other !== undefined && !sentenceEndBetween(text, other[1], at) && namesakeBySurname(text, other[0], other[1])) {
      markSeen(state, namesakeKey(entityId));
    }
  };
  const exclude = (p: PatternRule, until: number) => {
    excludedUntil ??= new Map();
    const before = excludedUntil.get(p.entity) ?? -1;
    excludedUntil.set(p.entity, Math.max(until, before));
    // The longest phrase speaks: "a Washington state visit" names no state, though "Washington state" would.
    if (p.elsewhere && before < until) markElsewhere(state, entityIds[p.entity]!);
  };
  for (let g = 0; g < n; ) {
    const from = g;
    const s = start[order[g]!]!;
    const e = end[order[g]!]!;
    const namesake = pattern[order[g]!]!;
    if (namesake < 0) {
      g++;
      const rule = patterns[~namesake]!;
      const entityId = entityIds[rule.entity]!;
      if (s < cursor) continue;
      // "Kim Kardashian": a bare "Kim" is hers until Kim Jong Un is named again. "Malik Washington": the page speaks of him.
      if (rule.alone) {
        markSeen(state, namesakeKey(entityId));
        (namesakes ??= new Map()).set(entityId, [s, e]);
      } else markElsewhere(state, entityId);
      continue;
    }
    while (g < n && start[order[g]!] === s && end[order[g]!] === e && pattern[order[g]!]! >= 0) g++;
    if (g - from === 1) {
      // Nearly every place holds one pattern: the rules below, without the lists.
      const p = patterns[pattern[order[from]!]!]!;
      const entityId = entityIds[p.entity]!;
      if (p.exclude) exclude(p, e);
      else if (excluded(p, s)) continue;
      else if (s < cursor) {
        if (p.always) sawFullName(entityId, s);
      } else if (counts(p, entityId)) {
        cursor = e;
        spans.push({ entityId, alias: p.alias, start: s, end: e });
        if (p.always) sawFullName(entityId, s);
        else judged(p, entityId);
      } else judged(p, entityId);
      continue;
    }
    const group: PatternRule[] = [];
    for (let k = from; k < g; k++) group.push(patterns[pattern[order[k]!]!]!);
    // Judged before this group's own exclusions are: on the very same text, the alias wins.
    const names = group.filter((p) => !p.exclude && !excluded(p, s));
    for (const p of group) if (p.exclude && !names.some((name) => name.entity === p.entity)) exclude(p, e);

    if (s < cursor) {
      const named = soleEntity(names.filter((p) => p.always));
      if (named !== undefined) sawFullName(entityIds[named]!, s);
      continue;
    }

    const eligible = names.filter((p) => counts(p, entityIds[p.entity]!));
    // Whichever is taken, or none, was judged by what came before.
    if (state.depends) for (const p of names) judged(p, entityIds[p.entity]!);
    if (state.dependsOnOrder && soleEntity(names) === undefined) for (const p of names) state.dependsOnOrder.push(entityIds[p.entity]!);
    if (eligible.length === 0) continue;
    cursor = e;
    const winner = pickEntity(eligible, entityIds, state);
    if (winner === undefined) continue;
    const mine = eligible.filter((p) => p.entity === winner);
    const best = mine.find((p) => p.always) ?? mine[0]!;
    spans.push({ entityId: entityIds[winner]!, alias: best.alias, start: s, end: e });
    if (best.always) sawFullName(entityIds[winner]!, s);
  }
  return spans;
}

function soleEntity(group: readonly PatternRule[]): number | undefined {
  const first = group[0];
  if (!first) return undefined;
  return group.every((p) => p.entity === first.entity) ? first.entity : undefined;
}

function pickEntity(eligible: readonly PatternRule[], entityIds: readonly string[], state: MatchState): number | undefined {
  const sole = soleEntity(eligible);
  if (sole !== undefined) return sole;
  // Clock values are unique per sighting, so the latest one is never tied.
  let winner: number | undefined;
  let latest = 0;
  for (const p of eligible) {
    const when = state.seen.get(entityIds[p.entity]!) ?? 0;
    if (when > latest) {
      latest = when;
      winner = p.entity;
    }
  }
  return winner;
}

/** Scratch for sortedHits: resolve runs once per block, and most blocks have a hit or two. */
let scratch = new Int32Array(64);

/**
 * Indices of the hits by start, longer first, an alias before an exclusion
 * phrase on the same text; otherwise in the order found. Insertion sort: a
 * block's hits are few and nearly in order already.
 */
function sortedHits({ count, start, end, pattern }: Candidates, patterns: readonly PatternRule[]): Int32Array {
  if (scratch.length < count) scratch = new Int32Array(count * 2);
  const order = scratch;
  // A namesake (a pattern's complement) after the names on its text: it is none where they are.
  const rank = (i: number) => (pattern[i]! < 0 ? 2 : Number(patterns[pattern[i]!]!.exclude));
  const before = (a: number, b: number) => start[a]! - start[b]! || end[b]! - end[a]! || rank(a) - rank(b);
  for (let i = 0; i < count; i++) {
    let j = i;
    while (j > 0 && before(order[j - 1]!, i) > 0) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}
