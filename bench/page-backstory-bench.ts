import type { MatcherWire } from '../core/matcher';
import type { PageMention } from '../page/find-mentions';
import type { BackstoryApi, BackstoryRun } from './bench-api';
import { PAINT_ALL_MAX } from '../page/highlighter';
import { anyNearViewport, timeHoverLookups, warmInIdleTime, type HoverLookup } from './page-hover-timing';

export interface Annotated extends BackstoryRun {
  /** The mentions shown to the reader, in document order. */
  shown: () => readonly PageMention[];
  /** A lookup as the card script makes one when it comes, after the scan: indexed in idle time, or on its first lookup. */
  newLookup: () => HoverLookup;
  /** Whatever Backstory keeps alive on the page, held so the heap figure counts it. */
  kept: unknown;
}

/** Puts one way of running Backstory's page side on window for the benchmark. */
export function exposeBackstory(api: BackstoryApi, annotate: (matcher: MatcherWire) => Promise<Annotated>): void {
  let last: Annotated | undefined;
  const ran = () => {
    if (!last) throw new Error('run() first');
    return last;
  };
  window.__backstoryBench = {
    api,
    async run(matcher) {
      last = await annotate(matcher);
      return { mentions: last.mentions, firstPaintAt: last.firstPaintAt };
    },
    noHighlightDue() {
      const { mentions, shown } = ran();
      return mentions > PAINT_ALL_MAX && !anyNearViewport(shown());
    },
    async hoverTiming(lookups) {
      const annotated = ran();
      // A hover before the page gave the card script any idle time: its lookup builds the index then.
      const cold = annotated.newLookup();
      const coldLookupMs = timeHoverLookups(cold, annotated.shown(), 1).firstLookupMs;
      cold.stop();
      const lookup = annotated.newLookup();
      // Held with the rest: the lookup follows the annotator's edits from now on, as the card script's does.
      annotated.kept = [annotated.kept, lookup];
      await warmInIdleTime(lookup);
      return timeHoverLookups(lookup, annotated.shown(), lookups, coldLookupMs);
    },
  };
}
