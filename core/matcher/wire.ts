/**
 * A compiled story as the background sends it to pages: the automaton's tables
 * packed into one base64 string, so a message validates in constant time and a
 * page decodes it in a millisecond or two of cold code instead of compiling the
 * story; with them, the expressions that find where names may start, which a
 * page would otherwise build from the tables (2–3 ms more on a slow machine).
 * Decoding checks every index before anything is scanned: a damaged table is
 * refused with a clear error instead of reading out of bounds or looping.
 */
import { anchorsOf } from './anchors';
import { IGNORE_CLASS, spellingOf, type Automaton } from './automaton';
import type { Anchors, CompiledMatcher, PatternRule } from './types';

export const MATCHER_WIRE_VERSION = 8 as const;

export interface MatcherWire {
  version: typeof MATCHER_WIRE_VERSION;
  entityIds: string[];
  /** Each distinct alias text once; rules point into it. */
  aliases: string[];
  /**
   * Base64 of the tables below, in the machine's byte order (sender and page
   * share the machine): the header in 32 bits, the sections in 16 where every
   * entry fits, as in the story packs so far (half the bytes to send and
   * decode), else in 32.
   */
  tables: string;
  /**
   * Sources of the global expressions that find where a pattern may begin
   * (anchors.ts), for text without invisible characters and for text with
   * some, or null when the scan must look at every character.
   */
  anchors: { plain: string[]; withInvisibles: string[] } | null;
}

const NO_DASHES: readonly number[] = Object.freeze([]);

/** Longer than any name: bounds the scanner's ring buffer whatever a table claims. */
const MAX_PATTERN_LENGTH = 1024;

const EXCLUDE = 1;
const ALWAYS = 2;
const ACRONYM = 4;
const LEFT = 8;
const RIGHT = 16;
const ELSEWHERE = 32;
const ALONE = 64;
const SURNAME = 128;
const FIRST_NAMES = 256;

type Header = readonly [
  nodes: number,
  edges: number,
  alphabet: number,
  patterns: number,
  classPairs: number,
  dashPool: number,
  maxLength: number,
  aliasClasses: number,
  /** Bytes per entry of every section: 2 or 4. */
  width: number,
];
const HEADER_LENGTH = 9;
const NARROW = 2;
const WIDE = 4;

/**
 * No edge targets: the trie's nodes are numbered breadth-first (build-automaton.ts), so
 * the target of edge e is the node after the root's children and the edges before it.
 */
type SectionName =
  | 'rootNext' | 'edgeStart' | 'edgeLabel' | 'fail' | 'outHead' | 'dict' | 'outNext' | 'patternLength'
  | 'ruleEntity' | 'ruleAlias' | 'ruleFlags' | 'ruleDashStart' | 'ruleDashCount' | 'classPairs' | 'dashPool' | 'aliasClasses';
type Sections = Record<SectionName, ArrayLike<number>>;

function layout([nodes, edges, alphabet, patterns, classPairs, dashPool, , aliasClasses]: Header): [SectionName, number][] {
  return [
    ['rootNext', alphabet],
    ['edgeStart', nodes + 1],
    ['edgeLabel', edges],
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
  const firstChild = a.rootNext.reduce((count, target) => count + (target === 0 ? 0 : 1), 1);
  if (a.edgeTarget.some((target, e) => target !== firstChild + e)) throw new Error('The automaton is not numbered breadth-first');
  const flag = (on: boolean, bit: number) => (on ? bit : 0);
  const sections: Sections = {
    ...a,
    ruleEntity: rules.map((rule) => rule.entity),
    ruleAlias: rules.map((rule) => aliases.indexOf(rule.alias)),
    ruleFlags: rules.map(
      (rule) =>
        flag(rule.exclude, EXCLUDE) |
        flag(rule.elsewhere, ELSEWHERE) |
        flag(rule.always, ALWAYS) |
        flag(rule.acronym, ACRONYM) |
        flag(rule.alone, ALONE) |
        flag(rule.surname, SURNAME) |
        flag(rule.otherFirstNames, FIRST_NAMES) |
        flag(rule.leftBoundary, LEFT) |
        flag(rule.rightBoundary, RIGHT),
    ),
    ruleDashStart: dashStart,
    ruleDashCount: rules.map((rule) => rule.dashAt.length),
    classPairs,
    dashPool,
    aliasClasses: [...aliasClasses],
  };
  // Every page would refuse it, and highlight nothing: told where the pack is compiled instead.
  if (a.maxLength > MAX_PATTERN_LENGTH) throw new Error(`An alias of ${a.maxLength} characters is longer than the ${MAX_PATTERN_LENGTH} a page takes`);
  const counts = [a.fail.length, a.edgeLabel.length, alphabet, rules.length, classPairs.length / 2, dashPool.length, a.maxLength, aliasClasses.size] as const;
  const plan = layout([...counts, WIDE]);
  const body = new Int32Array(plan.reduce((sum, [, length]) => sum + length, 0));
  let at = 0;
  // Signed, so the links' -1 stays -1. The character classes are sent as their low 16 bits, which is all of
  // them (codes, and the ignored characters' class 0xFFFF): they may be narrow whatever their values.
  let narrow = true;
  for (const [name, length] of plan) {
    const section = sections[name];
    if (section.length !== length) throw new Error(`Automaton section ${name} has ${section.length} entries, not ${length}`);
    body.set(section, at);
    for (let i = 0; i < length && narrow && name !== 'classPairs'; i++) narrow = section[i]! >= -0x8000 && section[i]! < 0x8000;
    at += length;
  }
  const header: Header = [...counts, narrow ? NARROW : WIDE];
  const bytes = new Uint8Array(HEADER_LENGTH * 4 + body.length * header[8]);
  new Int32Array(bytes.buffer, 0, HEADER_LENGTH).set(header);
  (narrow ? new Int16Array(bytes.buffer, HEADER_LENGTH * 4) : new Int32Array(bytes.buffer, HEADER_LENGTH * 4)).set(body);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const built = anchorsOf(a, a.startsPattern);
  const sources = (expressions: readonly RegExp[]) => expressions.map((expression) => expression.source);
  const anchors = built && { plain: sources(built.plain), withInvisibles: sources(built.withInvisibles) };
  return { version: MATCHER_WIRE_VERSION, entityIds: [...entityIds], aliases, tables: btoa(binary), anchors };
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

export interface DecodeOptions {
  /**
   * The matcher this extension was built with, which tooling/built-matcher.ts
   * decoded with every check when it made it: the trie's and links' checks,
   * which walk every node (about 1.7 ms of a page's cold start), are not made
   * again. Counts, ranges and anchors are checked still.
   */
  built?: boolean;
}

/** Unpacks and checks a matcher from the background; throws an Error saying what is wrong. */
export function decodeMatcher(wire: MatcherWire, { built = false }: DecodeOptions = {}): CompiledMatcher {
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
  check(bytes.length >= HEADER_LENGTH * 4, mismatch);
  // fromBase64 returns a buffer of its own, so the views below are aligned.
  const header = Array.from(new Int32Array(bytes.buffer, 0, HEADER_LENGTH)) as unknown as Header;
  const [nodes, edges, alphabet, patterns, , dashPool, maxLength, , width] = header;
  const plan = layout(header);
  const entries = plan.reduce((sum, [, length]) => sum + length, 0);
  check(
    header.every((count) => count >= 0) &&
      nodes >= 1 &&
      alphabet >= 2 &&
      alphabet < IGNORE_CLASS &&
      maxLength <= MAX_PATTERN_LENGTH &&
      (width === NARROW || width === WIDE) &&
      bytes.length === HEADER_LENGTH * 4 + entries * width,
    mismatch,
  );
  const from = HEADER_LENGTH * 4;
  // The scanner's tables are 32-bit whatever was sent: one conversion in native code.
  const all = width === NARROW ? new Int32Array(new Int16Array(bytes.buffer, from, entries)) : new Int32Array(bytes.buffer, from, entries);
  const s = {} as Record<SectionName, Int32Array>;
  let at = 0;
  for (const [name, length] of plan) {
    s[name] = all.subarray(at, at + length);
    at += length;
  }
  // Locals, not loads from `s`: with this many keys V8 keeps `s` as a dictionary,
  // and the checks below run once per page in cold code, where every lookup
  // costs. For the same reason they are plain loops, without helper calls.
  const { rootNext, edgeStart, edgeLabel, fail, outHead, dict, outNext, patternLength } = s;
  const { ruleEntity, ruleAlias, ruleFlags, ruleDashStart, ruleDashCount, classPairs, dashPool: dashes } = s;

  // The trie must be a tree numbered breadth-first (build-automaton.ts): the
  // root's children are 1, 2, …, and the edges, in their nodes' order, lead to
  // the nodes after them, each numbered after the node it leaves; so every node
  // but the root is the child of exactly one node before it. Failure and output
  // links must then lead to nodes numbered before their own, so no table can
  // make the scanner loop. Plain loops over typed arrays: this runs once per
  // page, in cold code.
  let firstChild = 1;
  let tree = rootNext[0] === 0 && edgeStart[0] === 0 && edgeStart[1] === 0 && edgeStart[nodes] === edges;
  for (let cls = 1; cls < alphabet && tree; cls++) {
    const target = rootNext[cls]!;
    if (target !== 0) tree = target === firstChild++;
  }
  tree &&= firstChild + edges === nodes;
  for (let node = 1; node < nodes && tree && !built; node++) {
    const from = edgeStart[node]!;
    const to = edgeStart[node + 1]!;
    // From edgeStart[1] = 0 up to edgeStart[nodes] = edges, never back: every run lies within the edges.
    tree = from <= to && (from === to || firstChild + from > node);
    // Sorted: the scanner stops looking at the first label past the one it wants.
    for (let e = from; e < to && tree; e++) {
      const label = edgeLabel[e]!;
      tree = (e === from || edgeLabel[e - 1]! < label) && label >= 1 && label < alphabet;
    }
  }
  check(tree, 'the trie is not a tree');
  const edgeTarget = new Int32Array(edges);
  for (let e = 0; e < edges; e++) edgeTarget[e] = firstChild + e;
  let towardsRoot = fail[0] === 0 && dict[0] === -1;
  for (let n = 0; n < nodes && towardsRoot && !built; n++) {
    const failure = fail[n]!;
    const output = dict[n]!;
    const head = outHead[n]!;
    towardsRoot = (n === 0 || (failure >= 0 && failure < n && output >= -1 && output < n)) && head >= -1 && head < patterns;
  }
  check(towardsRoot, 'a failure or output link does not lead towards the root');

  const entities = wire.entityIds.length;
  const aliases = wire.aliases.length;
  const rules: PatternRule[] = [];
  for (let p = 0; p < patterns; p++) {
    const length = patternLength[p]!;
    const flags = ruleFlags[p]!;
    const start = ruleDashStart[p]!;
    const count = ruleDashCount[p]!;
    const entity = ruleEntity[p]!;
    const alias = ruleAlias[p]!;
    let inRange =
      outNext[p]! >= -1 && outNext[p]! < p &&
      length >= 1 && length <= maxLength &&
      entity >= 0 && entity < entities &&
      alias >= 0 && alias < aliases &&
      flags >= 0 && flags < FIRST_NAMES * 2 &&
      start >= 0 && count >= 0 && start + count <= dashPool;
    // Most patterns have no dash: they share one empty list.
    const dashAt: number[] | readonly number[] = count === 0 ? NO_DASHES : [];
    for (let d = start; d < start + count && inRange; d++) {
      inRange = dashes[d]! >= 0 && dashes[d]! < length;
      (dashAt as number[]).push(dashes[d]!);
    }
    // The message is built only for a pattern out of range: 747 strings made in cold code cost more than the rest of the loop.
    if (!inRange) check(false, `pattern ${p} is out of range`);
    rules.push({
      entity,
      alias: wire.aliases[alias]!,
      exclude: (flags & EXCLUDE) !== 0,
      elsewhere: (flags & ELSEWHERE) !== 0,
      always: (flags & ALWAYS) !== 0,
      acronym: (flags & ACRONYM) !== 0,
      alone: (flags & ALONE) !== 0,
      surname: (flags & SURNAME) !== 0,
      otherFirstNames: (flags & FIRST_NAMES) !== 0,
      dashAt,
      leftBoundary: (flags & LEFT) !== 0,
      rightBoundary: (flags & RIGHT) !== 0,
    });
  }

  // A pattern's length is the depth of the node it ends at: the scanner finds where a hit starts that many characters
  // back, and a longer one would read a place the block before wrote.
  let lengthsMatch = true;
  if (!built) {
    const depth = new Int32Array(nodes);
    for (let cls = 1; cls < alphabet; cls++) if (rootNext[cls] !== 0) depth[rootNext[cls]!] = 1;
    for (let node = 1; node < nodes; node++) {
      for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) depth[firstChild + e] = depth[node]! + 1;
    }
    for (let node = 1; node < nodes && lengthsMatch; node++) {
      for (let p = outHead[node]!; p >= 0 && lengthsMatch; p = outNext[p]!) lengthsMatch = patternLength[p] === depth[node];
    }
  }
  check(lengthsMatch, 'a pattern’s length is not the depth of the node it ends at');

  const aliasClasses = new Set(s.aliasClasses);
  const classOf = new Uint16Array(0x10000);
  const startsPattern = new Uint8Array(0x10000);
  let startsAlias = new Uint8Array(0x10000);
  let exclusionsApart = false;
  let classesInRange = true;
  const spelled: (readonly [number, number])[] = [];
  for (let i = 0; i < classPairs.length && classesInRange; i += 2) {
    // Narrow tables carry a code or class from 0x8000 up as a negative number.
    const code = width === NARROW ? classPairs[i]! & 0xffff : classPairs[i]!;
    const cls = width === NARROW ? classPairs[i + 1]! & 0xffff : classPairs[i + 1]!;
    classesInRange = code >= 0 && code < 0x10000 && ((cls >= 1 && cls <= alphabet) || cls === IGNORE_CLASS);
    classOf[code] = cls;
    spelled.push([code, cls]);
    if (cls < alphabet && rootNext[cls] !== 0) {
      startsPattern[code] = 1;
      if (aliasClasses.has(cls)) startsAlias[code] = 1;
      else exclusionsApart = true;
    }
  }
  check(classesInRange, 'a character class is out of range');
  // One table when every start is an alias's: the scan then needs one pass (runtime.ts).
  if (!exclusionsApart) startsAlias = startsPattern;

  let anchors: Anchors | null = null;
  if (wire.anchors !== null) {
    // Parsed here, so a bad one is refused now; V8 compiles each at its first search.
    const expressions = (sources: readonly string[]) => {
      check(sources.length > 0, 'no anchors');
      try {
        return sources.map((source) => new RegExp(source, 'g'));
      } catch {
        check(false, 'an anchor is not a regular expression');
        return [];
      }
    };
    anchors = { plain: expressions(wire.anchors.plain), withInvisibles: expressions(wire.anchors.withInvisibles) };
  }

  const automaton: Automaton = {
    classOf,
    spaceClass: 1,
    dashClass: alphabet,
    rootNext,
    startsPattern,
    startsAlias,
    edgeStart,
    edgeLabel: Uint16Array.from(edgeLabel),
    edgeTarget,
    fail,
    outHead,
    outNext,
    dict,
    spelling: spellingOf(spelled, alphabet + 1),
    patternLength,
    maxLength,
  };
  return { entityIds: wire.entityIds, rules, automaton, anchors };
}
