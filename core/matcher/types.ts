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
