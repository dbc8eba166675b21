import type { Automaton } from './automaton';
import { resolve } from './resolve';
import { Candidates, Scanner } from './scan';
import type { CompiledMatcher, Matcher, MatchState, PatternRule, Span } from './types';

/**
 * A compiled story, ready to scan any number of blocks and pages.
 *
 * Text is first scanned for the aliases alone. Exclusion phrases only ever
 * hide an alias hit inside them, so a block without one cannot need them; and
 * a phrase such as "state of Washington" would otherwise send the scan into
 * the automaton at every "s" of every page. Blocks with a hit are scanned
 * again with every pattern, exclusions included, before hits become mentions.
 */
export function matcherFrom({ entityIds, rules, automaton }: CompiledMatcher): Matcher {
  if (rules.length === 0) return { scan: () => [] };
  const scanner = new Scanner(automaton, rules);
  const hits = new Candidates();
  const { aliases, exclusionsAlone } = aliasStarts(automaton, rules);
  return {
    scan(text: string, state: MatchState): Span[] {
      scanner.find(text, hits, aliases);
      if (hits.count > 0 && exclusionsAlone) scanner.find(text, hits);
      return resolve(hits, rules, entityIds, state);
    },
  };
}

/**
 * The characters that start some alias (not only some exclusion phrase), and
 * whether any exclusion starts with a character no alias starts with (without
 * one, the first pass already finds every hit).
 */
function aliasStarts(automaton: Automaton, rules: readonly PatternRule[]): { aliases: Uint8Array; exclusionsAlone: boolean } {
  const { rootNext, edgeStart, edgeTarget, outHead, outNext, classOf, startsPattern } = automaton;
  // The first character of every pattern is the root child its trie path starts with.
  const firstOf = new Int32Array(automaton.fail.length);
  const queue: number[] = [];
  for (const child of rootNext) {
    if (child === 0) continue;
    firstOf[child] = child;
    queue.push(child);
  }
  const startsAlias = new Set<number>();
  const startsExclusion = new Set<number>();
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      firstOf[edgeTarget[e]!] = firstOf[node]!;
      queue.push(edgeTarget[e]!);
    }
    for (let p = outHead[node]!; p >= 0; p = outNext[p]!) (rules[p]!.exclude ? startsExclusion : startsAlias).add(firstOf[node]!);
  }
  const aliases = new Uint8Array(startsPattern.length);
  for (let code = 0; code < aliases.length; code++) {
    if (startsPattern[code] && startsAlias.has(rootNext[classOf[code]!]!)) aliases[code] = 1;
  }
  return { aliases, exclusionsAlone: [...startsExclusion].some((first) => !startsAlias.has(first)) };
}
