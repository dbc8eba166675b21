import type { Alias, Category } from '../story/schema';
import type { Automaton } from './automaton';

/** What the matcher needs to know of one entity: the pack's entity minus its prose. */
export interface MatchableEntity {
  id: string;
  name: string;
  category: Category;
  aliases: Alias[];
}

/** One mention found in a string; offsets index the string that was scanned. */
export interface Span {
  entityId: string;
  /** The alias text from the pack that matched (not the text as written on the page). */
  alias: string;
  start: number;
  end: number;
}

/**
 * What the page has shown so far, carried from block to block of ONE page in
 * document order: an `after-full-name` alias counts only once its entity's
 * full name was seen earlier.
 */
export interface MatchState {
  /**
   * Entity id → clock value of its latest full-name sighting; and, keyed by
   * state.ts namesakeKey, of the latest name of another person who shares its
   * surname ("Kim Kardashian"): a bare "Kim" counts only with the full name later.
   */
  readonly seen: Map<string, number>;
  /** Entities the page turned out to mean another place of the same name by ("Moscow, Idaho"): no mention any more. */
  readonly elsewhere: Set<string>;
  /**
   * Per part of the page (an article of a front page or a live blog, a strip beside the content), the
   * entities a phrase in that part named another place by: no mention in that
   * part any more, in the others all the same.
   */
  readonly elsewhereIn: Map<object, Set<string>>;
  /**
   * The parts the text being scanned stands in, innermost first; none (or
   * unset): the page is one whole. The caller's objects, never looked into;
   * asked only when a phrase naming another place is met or some part has one.
   */
  parts?: () => readonly object[];
  /** Number of sightings so far; orders `seen` (most recent wins an ambiguous form). */
  clock: number;
  /**
   * The entities of the full-name sightings since the caller last emptied it,
   * when the caller asked for it: the page keeps where each name stands, for
   * rescans of one block (page/match-places.ts).
   */
  sightings?: string[];
  /** Kept with `sightings`: the entities of the elsewhere phrases met since the caller last emptied it, already ended or not. */
  elsewhereSightings?: string[];
  /**
   * Kept with `sightings`: the entities whose names were judged by what came
   * before (a short form taken or passed over, a name passed over after
   * "Moscow, Idaho"): should that change, the block must be read again.
   */
  depends?: string[];
  /** Kept with `sightings`: the entities of a form several share, whose full name came last above it deciding whose it is. */
  dependsOnOrder?: string[];
}

/** A compiled set of entities, built once per story and reused for every block of every page. */
export interface Matcher {
  /** Mentions in `text`, in order, not overlapping; offsets index `text` itself. */
  scan(text: string, state: MatchState): Span[];
}

/** What a hit on one of the automaton's patterns means; the pattern's own text stays with the compiler. */
export interface PatternRule {
  /** Index of the entity in the list given to the compiler. */
  entity: number;
  /** The pack's alias text, reported in Span.alias. */
  alias: string;
  /** An exclusion phrase: wins like a mention, reports nothing. */
  exclude: boolean;
  /** An exclusion phrase naming another place of the same name: after it, the entity is no mention on the page. */
  elsewhere: boolean;
  /**
   * Counts as the entity's full name: its canonical name or an `always` alias.
   * False for `after-full-name` aliases, which need such a sighting first.
   */
  always: boolean;
  /**
   * A short all-capitals acronym ("US", "UN"): in an all-caps line it is
   * indistinguishable from a word ("TRUMP TELLS US"), see boundaries.ts.
   */
  acronym: boolean;
  /** A surname counted only standing alone: no capitalised word right beside it (boundaries.ts). */
  alone: boolean;
  /** A name that is also a surname: after a given name in prose, a person, ending the entity's mentions (boundaries.ts afterPersonsName). */
  surname: boolean;
  /** A surname that a given name right before it, in prose, makes another person's (first-names.ts). */
  otherFirstNames: boolean;
  /** Separators (offsets in the folded pattern) that must be dashes on the page; see variants.ts. */
  dashAt: readonly number[];
  /** Whether a letter may not directly precede / follow the match. */
  leftBoundary: boolean;
  rightBoundary: boolean;
}

/**
 * A story's aliases compiled for scanning: built once where the story is
 * stored (the background), sent to every page as wire.ts encodes it.
 */
export interface CompiledMatcher {
  entityIds: readonly string[];
  /** Indexed like the automaton's patterns. */
  rules: readonly PatternRule[];
  automaton: Automaton;
  /**
   * Where patterns may begin (anchors.ts), when they came with the tables;
   * otherwise read off the automaton when the matcher is made.
   */
  anchors?: Anchors | null;
}

/** The expressions that find where patterns may begin (anchors.ts), for text without invisible characters and with some. */
export interface Anchors {
  plain: readonly RegExp[];
  withInvisibles: readonly RegExp[];
}
