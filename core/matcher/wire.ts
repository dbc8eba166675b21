/**
 * A compiled story as the background sends it to pages: the automaton's tables
 * packed into one base64 string, so a message validates in constant time and a
 * page decodes it in well under a millisecond instead of compiling the story.
 * Decoding checks every index before anything is scanned: a damaged table is
 * refused with a clear error instead of reading out of bounds or looping.
 */
import { IGNORE_CLASS, spellingOf, type Automaton } from './automaton';
import type { CompiledMatcher, PatternRule } from './types';

export const MATCHER_WIRE_VERSION = 1 as const;

export interface MatcherWire {
  version: typeof MATCHER_WIRE_VERSION;
  entityIds: string[];
  /** Each distinct alias text once; rules point into it. */
  aliases: string[];
  /** Base64 of the int32 tables below, in the machine's byte order (sender and page share the machine). */
  tables: string;
}

/** Longer than any name: bounds the scanner's ring buffer whatever a table claims. */
const MAX_PATTERN_LENGTH = 1024;

const EXCLUDE = 1;
const ALWAYS = 2;
const ACRONYM = 4;
const LEFT = 8;
const RIGHT = 16;

type Header = readonly [
  nodes: number,
  edges: number,
  alphabet: number,
  patterns: number,
  classPairs: number,
  dashPool: number,
  maxLength: number,
  aliasClasses: number,
];
const HEADER_LENGTH = 8;

type SectionName =
  | 'rootNext' | 'edgeStart' | 'edgeLabel' | 'edgeTarget' | 'fail' | 'outHead' | 'dict' | 'outNext' | 'patternLength'
  | 'ruleEntity' | 'ruleAlias' | 'ruleFlags' | 'ruleDashStart' | 'ruleDashCount' | 'classPairs' | 'dashPool' | 'aliasClasses';
type Sections = Record<SectionName, ArrayLike<number>>;

function layout([nodes, edges, alphabet, patterns, classPairs, dashPool, , aliasClasses]: Header): [SectionName, number][] {
  return [
    ['rootNext', alphabet],
    ['edgeStart', nodes + 1],
    ['edgeLabel', edges],
    ['edgeTarget', edges],
    ['fail', nodes],
    ['outHead', nodes],
    ['dict', nodes],
    ['outNext', patterns],
    ['patternLength', patterns],
    ['ruleEntity', patterns],
    ['ruleAlias', patterns],
    ['ruleFlags', patterns],
    ['ruleDashStart', patterns],
    ['ruleDashCount', patterns],
    ['classPairs', classPairs * 2],
    ['dashPool', dashPool],
    /** Classes some alias (not only some exclusion phrase) starts with. */
    ['aliasClasses', aliasClasses],
  ];
}

export function encodeMatcher({ entityIds, rules, automaton: a }: CompiledMatcher): MatcherWire {
  const alphabet = a.rootNext.length;
  if (a.spaceClass !== 1 || a.dashClass !== alphabet) throw new Error('Unexpected automaton classes');
  const aliases = [...new Set(rules.map((rule) => rule.alias))];
  const classPairs: number[] = [];
  a.classOf.forEach((cls, code) => {
    if (cls !== 0) classPairs.push(code, cls);
  });
  const aliasClasses = new Set<number>();
  a.startsAlias.forEach((starts, code) => {
    if (starts) aliasClasses.add(a.classOf[code]!);
  });
  const dashPool: number[] = [];
  const dashStart: number[] = [];
  for (const rule of rules) {
    dashStart.push(dashPool.length);
    dashPool.push(...rule.dashAt);
  }
  const flag = (on: boolean, bit: number) => (on ? bit : 0);
  const sections: Sections = {
    ...a,
    ruleEntity: rules.map((rule) => rule.entity),
    ruleAlias: rules.map((rule) => aliases.indexOf(rule.alias)),
    ruleFlags: rules.map(
      (rule) =>
        flag(rule.exclude, EXCLUDE) |
        flag(rule.always, ALWAYS) |
        flag(rule.acronym, ACRONYM) |
        flag(rule.leftBoundary, LEFT) |
        flag(rule.rightBoundary, RIGHT),
    ),
    ruleDashStart: dashStart,
    ruleDashCount: rules.map((rule) => rule.dashAt.length),
    classPairs,
    dashPool,
    aliasClasses: [...aliasClasses],
  };
  const header: Header = [
    a.fail.length,
    a.edgeLabel.length,
    alphabet,
    rules.length,
    classPairs.length / 2,
    dashPool.length,
    a.maxLength,
    aliasClasses.size,
  ];
  const plan = layout(header);
  const out = new Int32Array(HEADER_LENGTH + plan.reduce((sum, [, length]) => sum + length, 0));
  out.set(header);
  let at = HEADER_LENGTH;
  for (const [name, length] of plan) {
    if (sections[name].length !== length) throw new Error(`Automaton section ${name} has ${sections[name].length} entries, not ${length}`);
    out.set(sections[name], at);
    at += length;
  }
  const bytes = new Uint8Array(out.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { version: MATCHER_WIRE_VERSION, entityIds: [...entityIds], aliases, tables: btoa(binary) };
}

type Base64Decoder = { fromBase64?: (text: string) => Uint8Array };

/**
 * Native where the browser has it (Chrome 140, Firefox 133): a page decodes its
 * matcher on load, before the page's own scripts warm the engine up, and a
 * character loop in cold code costs milliseconds there.
 */
function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as Base64Decoder).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Unpacks and checks a matcher from the background; throws an Error saying what is wrong. */
export function decodeMatcher(wire: MatcherWire): CompiledMatcher {
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`Malformed matcher: ${what}`);
  };
  // Typed as the one version, but it came from elsewhere.
  const version: number = wire.version;
  check(version === MATCHER_WIRE_VERSION, `version ${version}, expected ${MATCHER_WIRE_VERSION}`);
  let bytes: Uint8Array = new Uint8Array(0);
  try {
    bytes = fromBase64(wire.tables);
  } catch {
    check(false, 'tables are not base64');
  }
  const mismatch = 'tables do not match their counts';
  check(bytes.length % 4 === 0 && bytes.length >= HEADER_LENGTH * 4, mismatch);
  const all = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const header = Array.from(all.subarray(0, HEADER_LENGTH)) as unknown as Header;
  const [nodes, edges, alphabet, patterns, , dashPool, maxLength] = header;
  const plan = layout(header);
  check(
    header.every((count) => count >= 0) &&
      nodes >= 1 &&
      alphabet >= 2 &&
      alphabet < IGNORE_CLASS &&
      maxLength <= MAX_PATTERN_LENGTH &&
      all.length === HEADER_LENGTH + plan.reduce((sum, [, length]) => sum + length, 0),
    mismatch,
  );
  const s = {} as Record<SectionName, Int32Array>;
  let at = HEADER_LENGTH;
  for (const [name, length] of plan) {
    s[name] = all.subarray(at, at + length);
    at += length;
  }
  const within = (value: number, from: number, below: number) => value >= from && value < below;

  // The trie must be a tree reachable from the root; depths then prove every
  // failure and output chain ends, so no table can make the scanner loop.
  const depth = new Int32Array(nodes).fill(-1);
  const queue = new Int32Array(nodes);
  depth[0] = 0;
  let tail = 1;
  const notTree = 'the trie is not a tree';
  const visit = (parent: number, label: number, target: number) => {
    check(within(label, 1, alphabet) && within(target, 1, nodes) && depth[target] === -1, notTree);
    depth[target] = depth[parent]! + 1;
    queue[tail++] = target;
  };
  check(s.edgeStart[0] === 0 && s.edgeStart[1] === 0 && s.edgeStart[nodes] === edges, notTree);
  for (let cls = 0; cls < alphabet; cls++) if (s.rootNext[cls] !== 0) visit(0, cls, s.rootNext[cls]!);
  for (let head = 1; head < tail; head++) {
    const node = queue[head]!;
    const from = s.edgeStart[node]!;
    const to = s.edgeStart[node + 1]!;
    check(from <= to && to <= edges, notTree);
    for (let e = from; e < to; e++) {
      // Sorted: the scanner stops looking at the first label past the one it wants.
      check(e === from || s.edgeLabel[e - 1]! < s.edgeLabel[e]!, notTree);
      visit(node, s.edgeLabel[e]!, s.edgeTarget[e]!);
    }
  }
  check(tail === nodes, notTree);
  const shallower = (target: number, node: number) => within(target, 0, nodes) && depth[target]! < depth[node]!;
  for (let n = 0; n < nodes; n++) {
    check(
      (n === 0 ? s.fail[0] === 0 : shallower(s.fail[n]!, n)) && (s.dict[n] === -1 || shallower(s.dict[n]!, n)) && within(s.outHead[n]!, -1, patterns),
      'a failure or output link does not lead towards the root',
    );
  }

  const rules: PatternRule[] = [];
  for (let p = 0; p < patterns; p++) {
    const length = s.patternLength[p]!;
    const flags = s.ruleFlags[p]!;
    const start = s.ruleDashStart[p]!;
    const dashAt = Array.from(s.dashPool.subarray(start, start + s.ruleDashCount[p]!));
    check(
      within(s.outNext[p]!, -1, p) &&
        within(length, 1, maxLength + 1) &&
        within(s.ruleEntity[p]!, 0, wire.entityIds.length) &&
        within(s.ruleAlias[p]!, 0, wire.aliases.length) &&
        within(flags, 0, RIGHT * 2) &&
        within(start, 0, dashPool + 1) &&
        dashAt.length === s.ruleDashCount[p] &&
        dashAt.every((offset) => within(offset, 0, length)),
      `pattern ${p} is out of range`,
    );
    rules.push({
      entity: s.ruleEntity[p]!,
      alias: wire.aliases[s.ruleAlias[p]!]!,
      exclude: (flags & EXCLUDE) !== 0,
      always: (flags & ALWAYS) !== 0,
      acronym: (flags & ACRONYM) !== 0,
      dashAt,
      leftBoundary: (flags & LEFT) !== 0,
      rightBoundary: (flags & RIGHT) !== 0,
    });
  }

  const aliasClasses = new Set(s.aliasClasses);
  const classOf = new Uint16Array(0x10000);
  const startsPattern = new Uint8Array(0x10000);
  let startsAlias = new Uint8Array(0x10000);
  let exclusionsApart = false;
  for (let i = 0; i < s.classPairs.length; i += 2) {
    const code = s.classPairs[i]!;
    const cls = s.classPairs[i + 1]!;
    check(within(code, 0, 0x10000) && (within(cls, 1, alphabet + 1) || cls === IGNORE_CLASS), 'a character class is out of range');
    classOf[code] = cls;
    if (cls < alphabet && s.rootNext[cls] !== 0) {
      startsPattern[code] = 1;
      if (aliasClasses.has(cls)) startsAlias[code] = 1;
      else exclusionsApart = true;
    }
  }
  // One table when every start is an alias's: the scan then needs one pass (runtime.ts).
  if (!exclusionsApart) startsAlias = startsPattern;

  const automaton: Automaton = {
    classOf,
    spaceClass: 1,
    dashClass: alphabet,
    rootNext: s.rootNext,
    startsPattern,
    startsAlias,
    edgeStart: s.edgeStart,
    edgeLabel: Uint16Array.from(s.edgeLabel),
    edgeTarget: s.edgeTarget,
    fail: s.fail,
    outHead: s.outHead,
    outNext: s.outNext,
    dict: s.dict,
    spelling: spellingOf(
      Array.from({ length: s.classPairs.length / 2 }, (_, i) => [s.classPairs[2 * i]!, s.classPairs[2 * i + 1]!] as const),
      alphabet + 1,
    ),
    patternLength: s.patternLength,
    maxLength,
  };
  return { entityIds: wire.entityIds, rules, automaton };
}
