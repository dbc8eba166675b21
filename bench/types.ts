/** What the benchmark records. Every figure is null when it could not be measured, never a made-up zero. */

export const VARIANTS = ['floor', 'structure', 'backstory', 'markjs', 'wrap', 'markjs-forms'] as const;
export type VariantId = (typeof VARIANTS)[number];

/**
 * Run on the generated page only, and judged by no budget: mark.js given every
 * form Backstory searches (bench/alias-regex.ts), some 1 s a load there.
 */
export const SYNTHETIC_ONLY: ReadonlySet<VariantId> = new Set(['markjs-forms']);

export const VARIANT_LABELS: Record<VariantId, string> = {
  floor: 'floor (TreeWalker read)',
  structure: 'structure walk (elements too)',
  backstory: 'Backstory',
  markjs: 'mark.js markRegExp',
  wrap: 'span wrapper',
  'markjs-forms': 'mark.js, every form Backstory searches (not judged)',
};

/** One fresh page load that ran one variant. */
export interface RunSample {
  variant: VariantId;
  /** The round of the page's loads it ran in, from 0: the ratios pair the variants' runs of one round. */
  round: number;
  /** Main-thread task time between the start of the work and the frame that shows its result (trace). */
  mainThreadMs: number | null;
  /** The CPU time of those tasks: what mainThreadMs would be on an idle machine. */
  mainThreadCpuMs: number | null;
  /** Start of the work to the end of that frame, idle time included. */
  wallMs: number;
  /** The longest main-thread task in that window (trace). */
  longestSliceMs: number | null;
  /** Longest `longtask` entry (tasks over 50 ms only). */
  longtaskMaxMs: number | null;
  /** Longest Long Animation Frame entry (frames over 50 ms only). */
  loafMaxMs: number | null;
  /** Start of the work to the first frame rendered with a highlight in it. */
  firstHighlightMs: number | null;
  mentions: number | null;
  /**
   * No first highlight is due though there are mentions: more than 500 names
   * (page/highlighter.ts, PAINT_ALL_MAX) and none within a screen of the
   * viewport, where Backstory registers highlights only. Without it, a run
   * with mentions and no first highlight is a failed measurement.
   */
  noHighlightDue: boolean;
  /** usedJSHeapSize after minus before, both after a full GC. */
  heapAddedBytes: number | null;
  /** Characters in all text nodes under <body>, as the floor reads them. */
  textChars: number | null;
  textNodes: number | null;
}

/** The same page script or scroll, timed on a page Backstory ran on ("with") or the floor's page ("without"). */
export interface ProbeSample {
  /** Median time of one hover lookup (MentionLookup.at, its index built), ms. Backstory loads only. */
  hoverLookupMs: number | null;
  /** The load's first lookup once the card script's idle indexing is done (page/interaction.ts), as a reader's first hover. */
  hoverFirstLookupMs: number | null;
  /** The first lookup of a lookup not yet indexed, which builds the index: a hover before the page gave any idle time. */
  hoverColdLookupMs: number | null;
  /** Lookups made, and those that found the mention under their point (all must). */
  hoverLookups: number | null;
  hoverHits: number | null;
  /** The load had mentions, so the hover figures are due: null ones are failed measurements. */
  hoverDue: boolean;
  /** Main-thread time of 2,000 DOM mutations and whatever they set off, until the page is idle again (trace). */
  mutationsMs: number | null;
  /** The mutation script alone, performance.now() around it. */
  mutationsScriptMs: number | null;
  /** The page's task that made the mutations, with the microtasks it ran: MutationObserver callbacks included (trace). */
  mutationsTaskMs: number | null;
  /** Main-thread time per scroll frame (trace), over 20 scrolls of 500 px: Backstory's viewport updates included, as the content script makes them. */
  scrollFrameMs: number | null;
  /** Median requestAnimationFrame-to-requestAnimationFrame interval while scrolling. */
  scrollIntervalMs: number | null;
}

/** Figures a budget is judged on: a run that should have one and has none is counted, not skipped. */
export type RunFigure = 'mainThreadMs' | 'longestSliceMs' | 'firstHighlightMs';
export type ProbeFigure = 'hoverLookupMs' | 'hoverFirstLookupMs' | 'hoverColdLookupMs' | 'mutationsTaskMs' | 'scrollFrameMs';

export interface VariantSummary {
  variant: VariantId;
  runs: number;
  mainThreadMs: number | null;
  mainThreadCpuMs: number | null;
  wallMs: number | null;
  /** Median over the runs of each run's longest slice. */
  longestSliceMs: number | null;
  /** The longest slice of any run: what the slice budget is judged on. */
  longestSliceMaxMs: number | null;
  longtaskMaxMs: number | null;
  loafMaxMs: number | null;
  firstHighlightMs: number | null;
  mentions: number | null;
  heapAddedBytes: number | null;
  msPerMiB: number | null;
  /** Median over the rounds of this variant's main-thread time over the floor's in the same round. */
  vsFloor: number | null;
  /** Relative to the structure walk, paired the same way: what reading the page's structure costs at least. */
  vsStructure: number | null;
  /** Relative to mark.js given the alias texts (variant c), paired the same way. */
  vsMarkjs: number | null;
  /** Runs that should have had the figure and had none, per figure; figures without such runs are left out. */
  unmeasured: Partial<Record<RunFigure, number>>;
}

export interface WithWithout {
  withoutMs: number | null;
  withMs: number | null;
  addedMs: number | null;
}

export interface PageSummary {
  page: string;
  textChars: number | null;
  textNodes: number | null;
  variants: VariantSummary[];
  hoverLookupMs: number | null;
  /** Median over the loads of each load's first lookup, once indexed in idle time as the card script does. */
  hoverFirstLookupMs: number | null;
  /** Median over the loads of a first lookup before any idle time, which builds the index: shown, not judged. */
  hoverColdLookupMs: number | null;
  /** Lookups and hits over all loads. */
  hoverLookups: number;
  hoverHits: number;
  /** Backstory's loads (with) and the floor's (without), for how many runs the probes were planned. */
  probeRuns: { with: number; without: number };
  /** Loads that should have had the figure and had none (either side), per figure; figures without such loads are left out. */
  probesUnmeasured: Partial<Record<ProbeFigure, number>>;
  /** Every load's figures, so the medians and ratios above can be checked again. */
  samples: { runs: RunSample[]; withBackstory: ProbeSample[]; without: ProbeSample[] };
  /** Everything in the window: the page's task and the work it set off (Backstory's rescans). */
  mutations: WithWithout & { scriptWithoutMs: number | null; scriptWithMs: number | null };
  /** The page's own task that made the mutations. */
  mutationsTask: WithWithout;
  scrollFrame: WithWithout & { intervalWithoutMs: number | null; intervalWithMs: number | null };
}

export interface EndToEnd {
  /** When .output/chrome-mv3 was built: the end-to-end figures describe that build, not necessarily the sources. */
  builtAt: string | null;
  /** The content scripts the manifest injects into every page (<all_urls>); their sizes summed below. Absent without a build. */
  injectedFiles?: string[];
  injectedBytes: number | null;
  injectedGzipBytes: number | null;
  /** Navigation start to the first frame with Backstory's highlight registered, on the demo article. */
  demoFirstHighlightMs: number | null;
  /** Navigation start to the end of the load event on the same loads: content scripts wait for it. */
  demoLoadEventMs: number | null;
  /** The same, the service worker stopped before each load (as Chrome stops it after 30 s idle): it starts, and serves the matcher. */
  demoFirstHighlightColdMs: number | null;
  /** Backstory's work on a 4 MiB page without story names. */
  noMentionWorkMs: number | null;
  /** Of `runs` loads, how many gave noMentionWorkMs. Absent when nothing was run. */
  noMentionWorkRuns?: number;
  /** Backstory's work on each saved news page without mentions (real pages of ordinary size); `runs`: loads that gave a figure. */
  noMentionPages: { page: string; workMs: number | null; runs: number }[];
  /**
   * The demo article with the service worker stopped: from the end of the hover
   * delay to the frame that shows the hovered name's card with its facts.
   */
  firstHoverAfterStopMs: number | null;
  /** The slowest of those hovers: what the budget, "in every run", is judged on. */
  firstHoverAfterStopMaxMs: number | null;
  /** Of `runs` hovers, how many showed the card (within 5 s); the others are misses, not skipped. Absent when nothing was run. */
  firstHoverMeasuredRuns?: number;
  /** Whether any of those hovers started the service worker again (the facts should be in the page already). */
  firstHoverWokeWorker: boolean | null;
  /** The popup opened about the demo article's tab: from its navigation to the first name in its list. Not a budget. */
  popupNamesMs: number | null;
  /** The same, the service worker stopped before (its process too, with no other page of the extension open). */
  popupNamesColdMs: number | null;
  /**
   * The longest task of the extension's scripts in each traced page (the demo
   * article, the pages without mentions): its evaluation or a callback into it,
   * wall and CPU time, medians over the loads; the longest of any load
   * (what the slice budget is judged on); `runs`: loads it was seen in.
   */
  longestTasks: { page: string; wallMs: number | null; cpuMs: number | null; wallMaxMs: number | null; runs: number }[];
  /** How noMentionWorkMs was measured. */
  noMentionMethod: string;
  runs: number;
}

/** The Firefox build in Firefox, end to end. Not budgets: the are Chromium's. */
export interface FirefoxEndToEnd {
  /** Firefox's version, as it reports it. */
  firefox: string;
  /** When .output/firefox-mv3 was built. */
  builtAt: string | null;
  /** Navigation start to the first frame with Backstory's highlight registered, on the demo article. */
  demoFirstHighlightMs: number | null;
  /** The same, the background (its event page) stopped before each load, as Firefox stops it after 30 s idle. */
  demoFirstHighlightColdMs: number | null;
  /** The first hover on a name of the demo article after the background was stopped: pointer move → the card's frame, less the hover delay. */
  firstHoverAfterStopMs: number | null;
  /** Of `runs` hovers, how many showed the card within 5 s. */
  firstHoverMeasuredRuns: number;
  /** Whether that hover started the background again in any run (it should not: the card's facts are fetched before). */
  firstHoverWokeBackground: boolean | null;
  runs: number;
}

export interface Machine {
  os: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  chromium: string;
  node: string;
}

/** The code measured: null outside a git checkout. */
export interface SourceState {
  commit: string | null;
  /** Tracked files differed from the commit: the figures describe uncommitted code. */
  dirty: boolean | null;
}

export interface Budget {
  id: string;
  /** What is promised, in words. */
  label: string;
  /** Where the figure comes from: the page, or the worst page. */
  where: string | null;
  measured: number | null;
  limit: number | null;
  unit: 'ms' | 'B';
  /** For a figure taken over runs, how many were planned and how many gave it: fewer is a miss. */
  runs: { planned: number; measured: number } | null;
  met: boolean;
}

export interface BenchResult {
  date: string;
  /** 1-minute load average when the run started and ended: other work on the machine inflates every time. */
  loadAverage: { start: number; end: number };
  quick: boolean;
  repetitions: number;
  machine: Machine;
  source: SourceState;
  /** Which page-side API variant (b) ran. */
  backstoryApi: 'PageAnnotator';
  pages: PageSummary[];
  endToEnd: EndToEnd;
  /** Null where no Firefox or no Firefox build was there. */
  firefox: FirefoxEndToEnd | null;
  budgets: Budget[];
}

/** The generated 4 MiB page: the budgets on time ratios are judged on it. */
export const SYNTHETIC_PAGE = 'synthetic';

/** How the generated page without the story's names is called where the built extension is traced in it. */
export const NO_MENTION_PAGE = '4 MiB page without story names';
