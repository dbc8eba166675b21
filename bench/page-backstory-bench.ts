import type { MatcherWire } from '../core/matcher';
import type { PageMention } from '../page/find-mentions';
import type { MentionIndex } from '../page/mention-index';
import type { BackstoryApi, BackstoryRun } from './bench-api';
import { timeHoverLookups } from './page-hover-timing';

export interface Annotated extends BackstoryRun {
  /** The index hover lookups go through; built after the timed run when the API does not expose its own. */
  hoverIndex: () => { index: MentionIndex; mentions: readonly PageMention[] };
  /** Whatever Backstory keeps alive on the page, held so the heap figure counts it. */
  kept: unknown;
}

/** Puts one way of running Backstory's page side on window for the benchmark. */
export function exposeBackstory(api: BackstoryApi, annotate: (matcher: MatcherWire) => Promise<Annotated>): void {
  let last: Annotated | undefined;
  window.__backstoryBench = {
    api,
    async run(matcher) {
      last = await annotate(matcher);
      return { mentions: last.mentions, firstPaintAt: last.firstPaintAt };
    },
    hoverTiming(lookups) {
      if (!last) throw new Error('run() first');
      const { index, mentions } = last.hoverIndex();
      return timeHoverLookups(index, mentions, lookups);
    },
  };
}
