import { describe, expect, it } from 'vitest';
import { SUMMIT_ENTITIES } from '../../tests/fixtures/summit-entities';
import { anchorsOf } from './anchors';
import { compileStory } from './compile-story';
import { matcherFrom } from './runtime';
import { createMatchState } from './state';
import { decodeMatcher, encodeMatcher, type MatcherWire } from './wire';

const compiled = compileStory(SUMMIT_ENTITIES);
const wire = encodeMatcher(compiled);

const HEADER = 9;
/** The header and every section as 32-bit entries, whatever width they were sent in. */
function tablesOf(w: MatcherWire): Int32Array {
  const bytes = Uint8Array.from(atob(w.tables), (c) => c.charCodeAt(0));
  const header = new Int32Array(bytes.buffer, 0, HEADER);
  const body = header[8] === 2 ? new Int16Array(bytes.buffer, HEADER * 4) : new Int32Array(bytes.buffer, HEADER * 4);
  return Int32Array.from([...header, ...body]);
}
/** Sent back at the width the header names. */
function withTables(tables: Int32Array): MatcherWire {
  const width = tables[8] === 2 ? 2 : 4;
  const bytes = new Uint8Array(HEADER * 4 + (tables.length - HEADER) * width);
  new Int32Array(bytes.buffer, 0, HEADER).set(tables.subarray(0, HEADER));
  (width === 2 ? new Int16Array(bytes.buffer, HEADER * 4) : new Int32Array(bytes.buffer, HEADER * 4)).set(tables.subarray(HEADER));
  return { ...wire, tables: btoa(String.fromCharCode(...bytes)) };
}
/** Header: nodes, edges, alphabet, patterns, class pairs, dash pool, max length, alias classes, width; then the sections. */
type Section = 'rootNext' | 'edgeStart' | 'edgeLabel' | 'fail' | 'outHead' | 'dict' | 'outNext' | 'patternLength'
  | 'ruleEntity' | 'ruleAlias' | 'ruleFlags' | 'ruleDashStart' | 'ruleDashCount' | 'classPairs' | 'dashPool';
function section(tables: Int32Array, name: Section): Int32Array {
  const [nodes, edges, alphabet, patterns, classPairs, dashPool] = tables as unknown as number[];
  const lengths: [Section, number][] = [
    ['rootNext', alphabet!], ['edgeStart', nodes! + 1], ['edgeLabel', edges!], ['fail', nodes!],
    ['outHead', nodes!], ['dict', nodes!], ['outNext', patterns!], ['patternLength', patterns!], ['ruleEntity', patterns!],
    ['ruleAlias', patterns!], ['ruleFlags', patterns!], ['ruleDashStart', patterns!], ['ruleDashCount', patterns!],
    ['classPairs', classPairs! * 2], ['dashPool', dashPool!],
  ];
  let at = HEADER;
  for (const [key, length] of lengths) {
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
    expect(decoded.rules.filter((rule) => rule.elsewhere).map((rule) => rule.alias)).toContain('Moscow');
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

  it('carries the expressions that find where names may start, so a page need not build them', () => {
    const built = anchorsOf(compiled.automaton, compiled.automaton.startsPattern)!;
    const shipped = decodeMatcher(JSON.parse(JSON.stringify(wire)) as MatcherWire).anchors!;
    const described = (expressions: readonly RegExp[], flags?: string) => expressions.map((expression) => [expression.source, flags ?? expression.flags]);
    expect(described(shipped.plain)).toEqual(described(built.plain, 'g'));
    expect(described(shipped.withInvisibles)).toEqual(described(built.withInvisibles, 'g'));
    // A name starting with an apostrophe has look-alikes no literal spells: the scan then looks at every character.
    const quoted = compileStory([{ id: 'x', name: '’t Hooft', category: 'person', aliases: [] }]);
    expect(encodeMatcher(quoted).anchors).toBeNull();
    expect(matcherFrom(decodeMatcher(encodeMatcher(quoted))).scan("Gerard 't Hooft won.", createMatchState())).toHaveLength(1);
  });

  it('is a message of modest size', () => {
    expect(JSON.stringify(wire).length).toBeLessThan(200_000);
  });

  it('sends its tables in 16 bits where every entry fits, and in 32 for a story too large for them', () => {
    const tables = tablesOf(wire);
    expect(tables[8]).toBe(2);
    // Four bytes of base64 per three: the sections take two bytes an entry, the header four.
    expect(wire.tables.length).toBe(Math.ceil((HEADER * 4 + (tables.length - HEADER) * 2) / 3) * 4);
    // 金 is U+91D1, past what a signed 16-bit entry holds: character codes are sent as their low 16 bits.
    const kim = encodeMatcher(compileStory([{ id: 'kim', name: '金正恩', category: 'person', aliases: [{ text: '김정은', rule: 'always', exclude: [], ambiguous: false }] }]));
    expect(tablesOf(kim)[8]).toBe(2);
    const text = '朝鲜领导人金正恩会见普京; 김정은 위원장';
    expect(matcherFrom(decodeMatcher(kim)).scan(text, createMatchState()).map((match) => match.alias)).toEqual(['金正恩', '김정은']);
    // Long names that share no more than a first letter: a trie of more than 32,767 nodes.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const name = (n: number) => 'Q' + Array.from({ length: 60 }, (_, i) => letters[Math.floor(26 * Math.abs(Math.sin(n * 61 + i + 1)))]).join('');
    const large = compileStory(Array.from({ length: 600 }, (_, n) => ({ id: `e${n}`, name: name(n), category: 'person' as const, aliases: [] })));
    expect(large.automaton.fail.length).toBeGreaterThan(0x8000);
    const wide = encodeMatcher(large);
    expect(tablesOf(wide)[8]).toBe(4);
    expect(matcherFrom(decodeMatcher(JSON.parse(JSON.stringify(wide)) as MatcherWire)).scan(`Then ${name(599)} spoke.`, createMatchState())).toMatchObject([{ entityId: 'e599' }]);
  });

  it.each<[string, () => MatcherWire, RegExp]>([
    ['another version', () => ({ ...wire, version: 5 }) as unknown as MatcherWire, /version 5, expected 8/],
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
    ['tables of another width', () => withTables(tablesOf(wire).map((v, i) => (i === 8 ? 3 : v))), /do not match their counts/],
    ['a header that claims too much', () => withTables(tablesOf(wire).map((v, i) => (i === 0 ? v + 1 : v))), /do not match their counts/],
    ['a node left out of the trie', () => {
      const tables = tablesOf(wire);
      const root = section(tables, 'rootNext');
      root[root.findIndex((target) => target !== 0)] = 0;
      return withTables(tables);
    }, /not a tree/],
    ['a node given itself as a child', () => {
      const tables = tablesOf(wire);
      const edgeStart = section(tables, 'edgeStart');
      const edges = edgeStart[edgeStart.length - 1]!;
      // The last edge moved to the last node, the node it leads to; the nodes between keep none.
      for (let node = edgeStart.length - 2; edgeStart[node]! === edges; node--) edgeStart[node] = edges - 1;
      return withTables(tables);
    }, /not a tree/],
    ['edges that overlap', () => {
      const tables = tablesOf(wire);
      const edgeStart = section(tables, 'edgeStart');
      const node = edgeStart.findIndex((start, n) => n > 1 && start > 0);
      edgeStart[node] = edgeStart[node + 1]! + 1;
      return withTables(tables);
    }, /not a tree/],
    ['a failure link that could loop', () => {
      const tables = tablesOf(wire);
      const fail = section(tables, 'fail');
      fail[1] = fail.length - 1;
      return withTables(tables);
    }, /failure or output link/],
    ['an output link that could loop', () => {
      const tables = tablesOf(wire);
      const dict = section(tables, 'dict');
      const node = dict.findIndex((link) => link !== -1);
      // A link to itself: following it never reaches the root.
      dict[node] = node;
      return withTables(tables);
    }, /failure or output link/],
    ['a dash placed past the end of its pattern', () => {
      const tables = tablesOf(wire);
      const pattern = section(tables, 'ruleDashCount').findIndex((count) => count > 0);
      section(tables, 'dashPool')[section(tables, 'ruleDashStart')[pattern]!] = section(tables, 'patternLength')[pattern]!;
      return withTables(tables);
    }, /pattern \d+ is out of range/],
    ['dashes past the end of their pool', () => {
      const tables = tablesOf(wire);
      section(tables, 'ruleDashCount')[0] = section(tables, 'dashPool').length + 1;
      return withTables(tables);
    }, /pattern 0 is out of range/],
    ['a character given a class the automaton does not have', () => {
      const tables = tablesOf(wire);
      section(tables, 'classPairs')[1] = tables[2]! + 1;
      return withTables(tables);
    }, /character class is out of range/],
    ['an anchor that is not a regular expression', () => ({ ...wire, anchors: { ...wire.anchors!, plain: ['(?:Kim'] } }), /anchor is not a regular expression/],
    ['an anchor seeing through invisibles that is not a regular expression', () => ({ ...wire, anchors: { ...wire.anchors!, withInvisibles: ['(?:Kim'] } }), /anchor is not a regular expression/],
    ['an empty list of anchors', () => ({ ...wire, anchors: { ...wire.anchors!, plain: [] } }), /no anchors/],
    ['a pattern longer than the path to its node, which would start a hit in the block before', () => {
      const tables = tablesOf(wire);
      const lengths = section(tables, 'patternLength');
      const pattern = lengths.findIndex((length) => length < tables[6]!);
      lengths[pattern] = lengths[pattern]! + 1;
      return withTables(tables);
    }, /length is not the depth/],
    ['an alias index past the end', () => ({ ...wire, aliases: wire.aliases.slice(0, 1) }), /pattern \d+ is out of range/],
    ['an entity index past the end', () => ({ ...wire, entityIds: [] }), /pattern \d+ is out of range/],
  ])('refuses %s with a clear error', (_label, damaged, message) => {
    expect(() => decodeMatcher(damaged())).toThrow(message);
    // The build's own matcher skips only the walks over the trie and its links (tooling/built-matcher.ts made them).
    if (!/not a tree|failure or output link|length is not the depth/.test(message.source)) expect(() => decodeMatcher(damaged(), { built: true })).toThrow(message);
  });

  it('is not made of an alias longer than a page takes: every page would refuse the matcher, and highlight nothing', () => {
    const long = compileStory([{ id: 'long', name: `A${'a'.repeat(1100)}`, category: 'person', aliases: [] }]);
    expect(() => encodeMatcher(long)).toThrow(/longer than the 1024 a page takes/);
  });

  it('decodes the build’s own matcher, without the walks over its trie, to the very same matcher', () => {
    const sent = () => JSON.parse(JSON.stringify(wire)) as MatcherWire;
    const decoded = decodeMatcher(sent(), { built: true });
    expect(decoded).toEqual(decodeMatcher(sent()));
    const text = 'Vladimir Putin met Kim Jong Un in Pyongyang; the Kremlin and the White House said so.';
    expect(matcherFrom(decoded).scan(text, createMatchState())).toEqual(matcherFrom(compiled).scan(text, createMatchState()));
  });
});
