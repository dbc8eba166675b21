/** What the bundles injected into benchmark pages expose on window, typed for both sides. */
import type { MatcherWire } from '../core/matcher';
import type { VariantId } from './types';

export type BackstoryApi = 'PageAnnotator';

export interface BackstoryRun {
  mentions: number;
  /** performance.now() once the first frame showing highlights was rendered; null with nothing to show. */
  firstPaintAt: number | null;
}

export interface HoverTiming {
  /** Median over batches of the time of one lookup, the index built; null when no mention could be brought into view. */
  perLookupMs: number | null;
  /** The first lookup once the card script's idle indexing is done (page/interaction.ts): all a reader's first hover pays. */
  firstLookupMs: number | null;
  /** The first lookup of a lookup not yet indexed, which builds the index: a hover before the page gave any idle time. */
  coldLookupMs: number | null;
  /** Lookups made, the first included. */
  lookups: number;
  /** Lookups that found a mention: every point is over one the pointer can reach, so all must. */
  hits: number;
}

/** Backstory's page side, bundled by bench/bundles.ts from one of the two entry files. */
export interface BackstoryBench {
  api: BackstoryApi;
  /** Runs with the story compiled as the background sends it; decoding it is part of the run. */
  run(matcher: MatcherWire): Promise<BackstoryRun>;
  /** After a run that painted nothing: whether that is by design (more than 500 names, none near the viewport). */
  noHighlightDue(): boolean;
  hoverTiming(lookups: number): Promise<HoverTiming>;
}

/** The baselines' regular expressions (bench/alias-regex.ts), as sources. */
export interface BaselineRegExps {
  /** The pack's alias texts: mark.js (judged) and the span wrapper. */
  aliases: string;
  /** Every form Backstory searches: the unjudged mark.js figure. */
  forms: string;
}

export interface HarnessRun {
  wallMs: number;
  firstHighlightMs: number | null;
  mentions: number | null;
  heapAddedBytes: number | null;
  longtaskMaxMs: number | null;
  loafMaxMs: number | null;
  textChars: number | null;
  textNodes: number | null;
}

export interface ScrollRun {
  /** requestAnimationFrame-to-requestAnimationFrame, one per scroll. */
  intervals: number[];
}

export interface MutationsRun {
  scriptMs: number;
}

/** The variants and probes, bundled from bench/page-harness-entry.ts. */
export interface Harness {
  settle(): Promise<void>;
  run(variant: VariantId, matcher: MatcherWire, regexps: BaselineRegExps): Promise<HarnessRun>;
  scroll(): Promise<ScrollRun>;
  mutate(): Promise<MutationsRun>;
}

export interface MarkInstance {
  markRegExp(regexp: RegExp, options: { className?: string; done?: (marks: number) => void }): void;
}

declare global {
  interface Window {
    __backstoryBench?: BackstoryBench;
    __bench?: Harness;
    /** mark.js, when its script is on the page. */
    Mark?: new (context: Element) => MarkInstance;
    /** With --js-flags=--expose-gc. */
    gc?: () => void;
  }
}
