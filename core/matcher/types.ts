import type { Alias, Category } from '../story/schema';

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
  /** Entity id → clock value of its latest full-name sighting. */
  readonly seen: Map<string, number>;
  /** Number of sightings so far; orders `seen` (most recent wins an ambiguous form). */
  clock: number;
}

/** A compiled set of entities, built once per story and reused for every block of every page. */
export interface Matcher {
  /** Mentions in `text`, in order, not overlapping; offsets index `text` itself. */
  scan(text: string, state: MatchState): Span[];
}
