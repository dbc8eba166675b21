import { createMatchState } from '../core/matcher/state';
import type { MatchState } from '../core/matcher/types';
import { textNodesIn } from './composed-order';
import { runWithin } from './mention-store';
import { partAround, partNumber } from './page-parts';

/** What one block showed of the story's names, as the matcher's state took it in. */
export interface PlaceNote {
  /** The block's first text node: where the block stands in reading order. */
  startNode: Text;
  /** Entities whose full name the block holds; and, as state.ts namesakeKey, those another person of whose surname it names. */
  seen: string[];
  /** Entities the block named another place of the same name by ("Moscow, Idaho"). */
  elsewhere: string[];
  /** The article those phrases stand in (page-parts.ts), which they speak for; none: they speak for the page. */
  part?: Element;
  /** Entities whose names in the block were taken or passed over by what came before it (MatchState.depends). */
  depends: string[];
  /** Of those, the entities of a form several share: whose full name came last above the block decides (MatchState.dependsOnOrder). */
  order: string[];
}

interface Place extends PlaceNote {
  /** Orders places by number: per-entity lookups need no DOM comparison. */
  key: number;
}

/** Places a replace puts in with splice, spread into its arguments; more are joined by copying the list. */
const SPLICE_MAX = 1024;

/** Runs of moved places taken out one splice each; more are taken out in one pass over every place. */
const DROP_RUNS_MAX = 32;

/** Shared by the many notes without any: a page has thousands of blocks. */
const NONE: string[] = [];

/** An entity whose mentions the page ended from some place on: in `part` alone, or on the whole page. */
export interface EndedName {
  entityId: string;
  part?: Element;
}

/** Per entity, the key of the first place that showed its full name / named another place by it (per part: elsewhereKey). */
interface FirstKeys {
  seen: Map<string, number>;
  elsewhere: Map<string, number>;
}

/** A run of places: those inside one rescanned root. */
export type PlaceRun = readonly [start: number, end: number];

/**
 * What the block just scanned with `state` showed, taken out of the state's
 * journals: its full-name sightings, in the order the block named them last,
 * and every phrase naming another place of a name, including those of an
 * entity already ended (the first one may go, the next must then end it).
 * Undefined when it showed none.
 */
export function takeNote(state: MatchState, startNode: Text): PlaceNote | undefined {
  const sightings = state.sightings ?? [];
  const others = state.elsewhereSightings ?? [];
  const judged = state.depends ?? [];
  const shared = state.dependsOnOrder ?? [];
  if (sightings.length === 0 && others.length === 0 && judged.length === 0) return undefined;
  const seen = sightings.length <= 1 ? [...sightings] : [...new Set([...sightings].reverse())].reverse();
  const elsewhere = others.length === 0 ? NONE : [...new Set(others)];
  const depends = judged.length === 0 ? NONE : [...new Set(judged)];
  const order = shared.length === 0 ? NONE : [...new Set(shared)];
  sightings.length = 0;
  others.length = 0;
  judged.length = 0;
  shared.length = 0;
  // The article the matcher was told the block stands in (page-parts.ts scanBlock): the same lookup from the same node.
  const part = elsewhere.length > 0 ? partAround(startNode) : undefined;
  return part ? { startNode, seen, elsewhere, part, depends, order } : { startNode, seen, elsewhere, depends, order };
}

/** Where places naming another place by `entityId` are listed: one list for the whole page, one per article. */
function elsewhereKey(entityId: string, part: Element | undefined): string {
  return part ? `${entityId}\u0000${partNumber(part)}` : entityId;
}

function entityOfKey(key: string): string {
  const end = key.indexOf('\u0000');
  return end < 0 ? key : key.slice(0, end);
}

function elsewhereKeys(place: PlaceNote): readonly string[] {
  return place.part ? place.elsewhere.map((entityId) => elsewhereKey(entityId, place.part)) : place.elsewhere;
}

/**
 * Where on the page the story's full names stand, and where the page named
 * another place of an entity's name: the matcher's state as it was just before
 * any block. A rescan of one paragraph starts from that, as the first scan
 * reached it: "Moscow, Idaho" further down the page does not end the mentions
 * of Moscow above it, and John Kirby named only further down does not make
 * "Kirby" above him a mention.
 */
export class MatchPlaces {
  /** Blocks that showed any, in reading order. */
  private places: Place[] = [];
  /** Per entity (per entity and article: elsewhereKey), the keys of the places that showed its full name / named another place by it; ascending. */
  private seenAt = new Map<string, number[]>();
  private elsewhereAt = new Map<string, number[]>();
  private dependsAt = new Map<string, number[]>();
  private orderAt = new Map<string, number[]>();
  /** The first text nodes of places read from a state that has changed since (MatchPlaces.takeStale). */
  private stale = new Set<Text>();
  /**
   * The place last held at each first text node (weak: the page may drop them): may name one dropped since, never
   * miss one held. Finds the places inside what the page moved without going through all of them.
   */
  private byNode = new WeakMap<Text, Place>();

  /**
   * Whether a place stood at `node`: the page taking it out or moving it must
   * drop the place ("Moscow, Idaho" holds no mention, yet ends Moscow's).
   */
  touches(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Forgets every place: the page is read again from its top. */
  clear(): void {
    this.unindex();
    this.stale.clear();
  }

  /**
   * The blocks further down that a change of places has left reading the page
   * wrong: an entity's first full name came or went above a short form of its
   * ("Kirby"), or the first place of another name ("Moscow, Idaho") above its
   * names. Each must be read again; until then it shows what it showed.
   */
  takeStale(): Text[] {
    const nodes = [...this.stale].filter((node) => node.isConnected);
    this.stale.clear();
    return nodes;
  }

  /** A block read in order after all the others (the first scan). */
  append(note: PlaceNote): void {
    const place = note as Place;
    place.key = this.places.length > 0 ? this.places[this.places.length - 1]!.key + 1 : 0;
    this.places.push(place);
    this.indexLast(place);
  }

  /** Indexes a place that comes after every place indexed: its keys go at the ends of the lists, with no search. */
  private indexLast(place: Place): void {
    this.byNode.set(place.startNode, place);
    for (const entityId of place.seen) pushKey(this.seenAt, entityId, place.key);
    for (const key of elsewhereKeys(place)) pushKey(this.elsewhereAt, key, place.key);
    for (const entityId of place.depends) pushKey(this.dependsAt, entityId, place.key);
    for (const entityId of place.order) pushKey(this.orderAt, entityId, place.key);
  }

  /** The matcher's state just before `root`, and the run of places inside it, for `replace` once it is read. */
  before(root: Node): { state: MatchState; run: PlaceRun } {
    const run = this.runOf(root);
    const until = run[0] > 0 ? this.places[run[0] - 1]!.key : -Infinity;
    const state = createMatchState(true);
    const latest: [string, number, number][] = [];
    for (const [entityId, keys] of this.seenAt) {
      const at = countUpTo(keys, until);
      if (at > 0) latest.push([entityId, keys[at - 1]!, 0]);
    }
    // Two names last seen in one block: in the order the block named them last.
    for (const entry of latest) entry[2] = this.placeAt(entry[1]).seen.indexOf(entry[0]);
    // The clock orders sightings: the latest before the root wins a form entities share.
    latest.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
    for (const [entityId] of latest) state.seen.set(entityId, ++state.clock);
    for (const [key, keys] of this.elsewhereAt) {
      if (keys[0]! > until) continue;
      const entityId = entityOfKey(key);
      const { part } = this.placeAt(keys[0]!);
      if (!part) state.elsewhere.add(entityId);
      else if (state.elsewhereIn.has(part)) state.elsewhereIn.get(part)!.add(entityId);
      else state.elsewhereIn.set(part, new Set([entityId]));
    }
    return { state, run };
  }

  /**
   * Puts what a rescanned root showed in place of what it held. Returns the
   * entities the root now names another place by before anywhere else did
   * (in the same article, or on the page): their mentions after the root end
   * there, as the first scan would have ended them.
   */
  replace(run: PlaceRun, notes: readonly PlaceNote[]): EndedName[] {
    const [start, end] = run;
    const keys = this.keysBetween(start, end, notes.length);
    const before = this.firstKeys();
    const removed = this.places.slice(start, end);
    this.unindexRun(removed);
    const added = notes.map((note, i) => ({ ...note, key: keys[i]! }));
    // In place, as most rescans read a block or a few: a copy of the list each made a feed moving 300 of its 100,000 paragraphs
    // spend 5-9 ms of a slice per block on it, and a collection of the garbage up to 90. Not spread into splice's arguments
    // past a few: a block holding 200,000 paragraphs of full names overflowed the stack.
    if (added.length <= SPLICE_MAX) this.places.splice(start, end - start, ...added);
    else this.places = this.places.slice(0, start).concat(added, this.places.slice(end));
    this.indexRun(added);
    // A block read again that names the same people in the same order (a clock ticking beside "John Kirby") changes nothing below it.
    const sameNames = lastSightings(removed).join() === lastSightings(added).join();
    this.markStale(before, sameNames ? [] : [...removed, ...added], new Set(added));
    const ended: EndedName[] = [];
    const named = new Set<string>();
    for (const place of added) {
      for (const entityId of place.elsewhere) {
        const key = elsewhereKey(entityId, place.part);
        const first = before.elsewhere.get(key);
        if ((first !== undefined && place.key >= first) || named.has(key)) continue;
        named.add(key);
        ended.push(place.part ? { entityId, part: place.part } : { entityId });
      }
    }
    return ended;
  }

  /** `count` keys for places between those at `start - 1` and `end`, the places numbered again when none are left there. */
  private keysBetween(start: number, end: number, count: number): number[] {
    const spreadOut = () => spread(start > 0 ? this.places[start - 1]!.key : undefined, end < this.places.length ? this.places[end]!.key : undefined, count);
    const keys = spreadOut();
    if (keys) return keys;
    this.respace(start, end, count);
    return spreadOut()!;
  }

  private firstKeys(): FirstKeys {
    const firsts = (map: Map<string, number[]>) => new Map([...map].map(([entityId, keys]) => [entityId, keys[0]!]));
    return { seen: firsts(this.seenAt), elsewhere: firsts(this.elsewhereAt) };
  }

  /**
   * Notes as stale the places whose state before them changed, bar `fresh`
   * (just read), after `changed` came or went. A block depends on whether an
   * entity's full name stands above it (its first one), on the first place of
   * another name above it, which ends the entity, its full names too; and a
   * form two people share, on whose full name came last above it (every one).
   */
  private markStale(before: FirstKeys, changed: readonly Place[], fresh: ReadonlySet<Place>): void {
    const mark = (keys: readonly number[] | undefined, low: number, high: number) => {
      if (!keys) return;
      for (let i = countUpTo(keys, low); i < keys.length && keys[i]! <= high; i++) {
        const place = this.placeAt(keys[i]!);
        if (!fresh.has(place)) this.stale.add(place.startNode);
      }
    };
    const now = this.firstKeys();
    const moved = (was: Map<string, number>, is: Map<string, number>, each: (entityId: string, low: number, high: number) => void) => {
      for (const entityId of new Set([...was.keys(), ...is.keys()])) {
        const a = was.get(entityId) ?? Infinity;
        const b = is.get(entityId) ?? Infinity;
        if (a !== b) each(entityId, Math.min(a, b), Math.max(a, b));
      }
    };
    moved(before.seen, now.seen, (entityId, low, high) => {
      mark(this.dependsAt.get(entityId), low, high);
      mark(this.orderAt.get(entityId), low, high);
    });
    // Past the first place of another name in one article, blocks in the others are read again too: they read alike.
    moved(before.elsewhere, now.elsewhere, (key, low, high) => {
      const entityId = entityOfKey(key);
      mark(this.dependsAt.get(entityId), low, high);
      mark(this.orderAt.get(entityId), low, high);
      mark(this.seenAt.get(entityId), low, high);
    });
    for (const place of changed) {
      for (const entityId of place.seen) {
        const order = this.orderAt.get(entityId);
        if (!order) continue;
        // Up to the entity's next full name, the latest one above a block is now another.
        const keys = this.seenAt.get(entityId);
        mark(order, place.key, keys ? (keys[countUpTo(keys, place.key)] ?? Infinity) : Infinity);
      }
    }
  }

  /** Forgets the places the page took out: they have no position in reading order. */
  dropDisconnected(): void {
    this.keep((place) => place.startNode.isConnected);
  }

  /** Forgets the places inside `nodes` (the page moved them: they are read again where they stand now). */
  dropInside(nodes: readonly Node[]): void {
    if (nodes.length === 0) return;
    const at: number[] = [];
    for (const node of textNodesIn(nodes)) {
      const place = this.byNode.get(node);
      const i = place ? this.indexOf(place) : -1;
      if (i >= 0) at.push(i);
    }
    if (at.length === 0) return;
    at.sort((a, b) => a - b);
    const runs: [start: number, end: number][] = [];
    for (const i of at) {
      const last = runs[runs.length - 1];
      if (last && last[1] === i) last[1] = i + 1;
      else runs.push([i, i + 1]);
    }
    // Scattered places are taken out of each entity's list in one pass, a copy of the list; a few runs, each with a splice.
    if (runs.length > DROP_RUNS_MAX) {
      const gone = new Set(at.map((i) => this.places[i]!));
      this.keep((place) => !gone.has(place));
      return;
    }
    const before = this.firstKeys();
    const gone = runs.map(([start, end]) => this.places.slice(start, end));
    // From the last run up, so that the indices of those above stay right.
    for (let r = runs.length - 1; r >= 0; r--) {
      this.unindexRun(gone[r]!);
      this.places.splice(runs[r]![0], gone[r]!.length);
    }
    this.markStale(before, gone.flat(), new Set());
  }

  /** Where `place` stands in the list; -1 when it is no longer held. */
  private indexOf(place: Place): number {
    const i = this.indexAt(place.key);
    return this.places[i] === place ? i : -1;
  }

  /** How many places have a key below `key` (places are in ascending key order). */
  private indexAt(key: number): number {
    let lo = 0;
    let hi = this.places.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.places[mid]!.key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The place of `key`. */
  private placeAt(key: number): Place {
    return this.places[Math.min(this.indexAt(key), this.places.length - 1)]!;
  }

  private runOf(root: Node): PlaceRun {
    const run = runWithin(this.places, 0, root);
    if (run) return run;
    this.dropDisconnected();
    return runWithin(this.places, 0, root) ?? [this.places.length, this.places.length];
  }

  /**
   * Keeps the places that pass `test`, the others' keys taken out of each
   * entity's list: the places left keep their keys and their order, so nothing
   * is indexed again. Indexing all of them anew, one sorted insert each, cost
   * a feed moving 300 items on a page of 100,000 paragraphs 170 ms of one task.
   */
  private keep(test: (place: Place) => boolean): void {
    const kept: Place[] = [];
    const gone: Place[] = [];
    for (const place of this.places) (test(place) ? kept : gone).push(place);
    if (gone.length === 0) return;
    const before = this.firstKeys();
    this.places = kept;
    for (const [map, of] of this.lists()) {
      const keysOf = new Map<string, number[]>();
      // In key order: each entity's keys to take out come ascending.
      for (const place of gone) for (const entityId of of(place)) pushKey(keysOf, entityId, place.key);
      for (const [entityId, drop] of keysOf) {
        const keys = map.get(entityId);
        if (!keys) continue;
        const left = withoutKeys(keys, drop);
        if (left.length > 0) map.set(entityId, left);
        else map.delete(entityId);
      }
    }
    this.markStale(before, gone, new Set());
  }

  /**
   * Spreads the keys of the places around the gap between `start - 1` and `end` out again, with room for `count`
   * more in it, over as few places as leave every gap wide. Blocks put in one after another at one place halve the
   * gap between two keys each time, and a double runs out of halvings after some 35 on a page of 100,000 places: a
   * feed putting 300 items at its top ran out several times a move. Numbering every place again, each one's keys put
   * in with a sorted insert into copies of the places, took some 150 ms of such a move's tasks in a profile, in tasks
   * of 55-75 ms; this takes the places near the gap, a few dozen most times, and rewrites their keys where they stand
   * in each entity's list.
   */
  private respace(start: number, end: number, count: number): void {
    const places = this.places;
    for (let reach = 32; ; reach *= 2) {
      const a = Math.max(0, start - reach);
      const b = Math.min(places.length, end + reach);
      const low = a > 0 ? places[a - 1]!.key : undefined;
      const high = b < places.length ? places[b]!.key : undefined;
      const keys = spread(low, high, b - a + count);
      // Over the whole page there is always room: it is numbered from 0 with steps of 1.
      if (!keys || (!roomy(keys) && (a > 0 || b < places.length))) continue;
      const renamed = new Map<number, number>();
      let k = 0;
      for (let i = a; i < b; i++) {
        // The slots of the blocks going in, before the run they replace.
        if (i === start) k += count;
        renamed.set(places[i]!.key, keys[k++]!);
      }
      if (b > a) this.rekey(places.slice(a, b), renamed);
      return;
    }
  }

  /** Gives `run`, places next to one another in order, the keys `renamed` maps theirs to, in the same order: each entity's list changes in one stretch. */
  private rekey(run: readonly Place[], renamed: ReadonlyMap<number, number>): void {
    this.eachStretch(run, (keys, from, to) => {
      for (let i = from; i < to; i++) keys[i] = renamed.get(keys[i]!)!;
    });
    for (const place of run) place.key = renamed.get(place.key)!;
  }

  private unindex(): void {
    this.places = [];
    this.seenAt = new Map();
    this.elsewhereAt = new Map();
    this.dependsAt = new Map();
    this.orderAt = new Map();
  }

  /** Per-entity key lists, with what of a place goes in each. */
  private lists(): [Map<string, number[]>, (place: Place) => readonly string[]][] {
    return [
      [this.seenAt, (place) => place.seen],
      [this.elsewhereAt, elsewhereKeys],
      [this.dependsAt, (place) => place.depends],
      [this.orderAt, (place) => place.order],
    ];
  }

  /**
   * Takes out the keys of `run`, places next to one another in order: no other
   * place's key lies between theirs, so each entity's list loses one stretch,
   * cut once. A search and a shift of the list per place made a block of
   * 100,000 paragraphs read again freeze the tab for 1.4 s.
   */
  private unindexRun(run: readonly Place[]): void {
    this.eachStretch(run, (keys, from, to, map, entityId) => {
      keys.splice(from, to - from);
      if (keys.length === 0) map.delete(entityId);
    });
  }

  /** For each entity list holding keys of `run` (places next to one another in order), the stretch [from, to) of them. */
  private eachStretch(run: readonly Place[], each: (keys: number[], from: number, to: number, map: Map<string, number[]>, entityId: string) => void): void {
    if (run.length === 0) return;
    const low = run[0]!.key;
    const high = run[run.length - 1]!.key;
    for (const [map, of] of this.lists()) {
      const entities = new Set<string>();
      for (const place of run) for (const entityId of of(place)) entities.add(entityId);
      for (const entityId of entities) {
        const keys = map.get(entityId);
        if (keys) each(keys, countBelow(keys, low), countUpTo(keys, high), map, entityId);
      }
    }
  }

  /** Puts in the keys of `run`, places next to one another in order, where no key lies between theirs: each entity's in one stretch. */
  private indexRun(run: readonly Place[]): void {
    for (const place of run) this.byNode.set(place.startNode, place);
    for (const [map, of] of this.lists()) {
      const fresh = new Map<string, number[]>();
      for (const place of run) for (const entityId of of(place)) pushKey(fresh, entityId, place.key);
      for (const [entityId, added] of fresh) {
        const keys = map.get(entityId);
        if (!keys) map.set(entityId, added);
        else if (added.length === 1) keys.splice(countBelow(keys, added[0]!), 0, added[0]!);
        else {
          const at = countBelow(keys, added[0]!);
          map.set(entityId, keys.slice(0, at).concat(added, keys.slice(at)));
        }
      }
    }
  }
}

/** The entities `places` showed full names of, in the order of their last sightings: what the state after them holds. */
function lastSightings(places: readonly Place[]): string[] {
  const order = new Map<string, number>();
  let n = 0;
  for (const place of places) for (const entityId of place.seen) order.set(entityId, n++);
  return [...order].sort((a, b) => a[1] - b[1]).map(([entityId]) => entityId);
}

/** How many of the ascending `keys` are at most `key`. */
function countUpTo(keys: readonly number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pushKey(map: Map<string, number[]>, entityId: string, key: number): void {
  const keys = map.get(entityId);
  if (keys) keys.push(key);
  else map.set(entityId, [key]);
}

/** The ascending `keys` but those in `drop` (ascending too), in one pass. */
function withoutKeys(keys: readonly number[], drop: readonly number[]): number[] {
  const left: number[] = [];
  let d = 0;
  for (const key of keys) {
    while (d < drop.length && drop[d]! < key) d++;
    if (d >= drop.length || drop[d] !== key) left.push(key);
  }
  return left;
}

/** How many of the ascending `keys` are below `key`. */
function countBelow(keys: readonly number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether keys spread this far apart leave many halvings before two meet: a double tells apart keys some 2^-52 of
 * their size apart, and blocks put in one after another at one place halve a gap each.
 */
function roomy(keys: readonly number[]): boolean {
  if (keys.length < 2) return true;
  const size = Math.max(1, Math.abs(keys[0]!), Math.abs(keys[keys.length - 1]!));
  return keys[1]! - keys[0]! >= size * 2 ** -24;
}

/** `count` ascending keys strictly between `low` and `high` (either open); undefined when numbers run out between them. */
function spread(low: number | undefined, high: number | undefined, count: number): number[] | undefined {
  const keys: number[] = [];
  if (count === 0) return keys;
  const from = low ?? (high === undefined ? -1 : high - count - 1);
  const step = low !== undefined && high !== undefined ? (high - low) / (count + 1) : 1;
  for (let i = 1; i <= count; i++) keys.push(from + step * i);
  const ordered = keys.every((key, i) => key > (i === 0 ? from : keys[i - 1]!)) && (high === undefined || keys.at(-1)! < high);
  return ordered ? keys : undefined;
}
