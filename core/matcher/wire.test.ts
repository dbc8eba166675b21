import { describe, expect, it } from 'vitest';
import { SUMMIT_ENTITIES } from '../../tests/fixtures/summit-entities';
import { compileStory } from './compile-story';
import { matcherFrom } from './runtime';
import { createMatchState } from './state';
import { decodeMatcher, encodeMatcher, type MatcherWire } from './wire';

const compiled = compileStory(SUMMIT_ENTITIES);
const wire = encodeMatcher(compiled);

function tablesOf(w: MatcherWire): Int32Array {
  return new Int32Array(Uint8Array.from(atob(w.tables), (c) => c.charCodeAt(0)).buffer);
}
function withTables(tables: Int32Array): MatcherWire {
  return { ...wire, tables: btoa(String.fromCharCode(...new Uint8Array(tables.buffer))) };
}
/** Header: nodes, edges, alphabet, patterns, class pairs, dash pool, max length, alias classes; then the sections. */
function section(tables: Int32Array, name: 'rootNext' | 'edgeStart' | 'edgeLabel' | 'edgeTarget' | 'fail'): Int32Array {
  const [nodes, edges, alphabet] = tables;
  const lengths = { rootNext: alphabet!, edgeStart: nodes! + 1, edgeLabel: edges!, edgeTarget: edges!, fail: nodes! };
  let at = 8;
  for (const [key, length] of Object.entries(lengths)) {
    if (key === name) return tables.subarray(at, at + length);
    at += length;
  }
  throw new Error(name);
}

describe('the matcher on the wire', () => {
  it('decodes to the very tables and rules that were compiled', () => {
    const decoded = decodeMatcher(JSON.parse(JSON.stringify(wire)) as MatcherWire);
    expect(decoded.entityIds).toEqual(compiled.entityIds);
    expect(decoded.rules).toEqual(compiled.rules);
    for (const key of ['classOf', 'rootNext', 'startsPattern', 'startsAlias', 'edgeStart', 'edgeLabel', 'edgeTarget', 'fail', 'outHead', 'outNext', 'dict', 'spelling', 'patternLength'] as const) {
      expect(Array.from(decoded.automaton[key]), key).toEqual(Array.from(compiled.automaton[key]));
    }
    expect(decoded.automaton.maxLength).toBe(compiled.automaton.maxLength);
  });

  it('finds on the page what the compiled story finds', () => {
    const text = 'Russia’s President Vladimir Putin met Kim Jong‑un in PYONGYANG, North Korea; the U.S. and Seoul objected.';
    const scan = (c: typeof compiled) => matcherFrom(c).scan(text, createMatchState());
    expect(scan(decodeMatcher(wire))).toEqual(scan(compiled));
    expect(scan(compiled).length).toBeGreaterThanOrEqual(5);
  });

  it('is a message of modest size', () => {
    expect(JSON.stringify(wire).length).toBeLessThan(200_000);
  });

  it.each<[string, () => MatcherWire, RegExp]>([
    ['another version', () => ({ ...wire, version: 2 }) as unknown as MatcherWire, /version 2, expected 1/],
    ['tables that are not base64', () => ({ ...wire, tables: '%%%' }), /not base64/],
    ['truncated tables', () => withTables(tablesOf(wire).slice(0, -1)), /do not match their counts/],
    ['edges out of order', () => {
      const tables = tablesOf(wire);
      const edgeStart = section(tables, 'edgeStart');
      const labels = section(tables, 'edgeLabel');
      const node = edgeStart.findIndex((start, n) => n > 0 && edgeStart[n + 1]! - start >= 2);
      [labels[edgeStart[node]!], labels[edgeStart[node]! + 1]] = [labels[edgeStart[node]! + 1]!, labels[edgeStart[node]!]!];
      return withTables(tables);
    }, /not a tree/],
    ['a header that claims too much', () => withTables(tablesOf(wire).map((v, i) => (i === 0 ? v + 1 : v))), /do not match their counts/],
    ['a node left out of the trie', () => {
      const tables = tablesOf(wire);
      const root = section(tables, 'rootNext');
      root[root.findIndex((target) => target !== 0)] = 0;
      return withTables(tables);
    }, /not a tree/],
    ['an edge to a node that is already in the trie', () => {
      const tables = tablesOf(wire);
      section(tables, 'edgeTarget')[0] = section(tables, 'rootNext').find((target) => target !== 0)!;
      return withTables(tables);
    }, /not a tree/],
    ['a failure link that could loop', () => {
      const tables = tablesOf(wire);
      const fail = section(tables, 'fail');
      fail[1] = fail.length - 1;
      return withTables(tables);
    }, /failure or output link/],
    ['an alias index past the end', () => ({ ...wire, aliases: wire.aliases.slice(0, 1) }), /pattern \d+ is out of range/],
    ['an entity index past the end', () => ({ ...wire, entityIds: [] }), /pattern \d+ is out of range/],
  ])('refuses %s with a clear error', (_label, damaged, message) => {
    expect(() => decodeMatcher(damaged())).toThrow(message);
  });
});
