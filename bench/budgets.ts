import { ratio } from './stats';
import { SYNTHETIC_PAGE, type BenchResult, type Budget, type PageSummary, type VariantId } from './types';

export const KIB = 1024;

/** The performance promises `npm run bench -- --check` holds Backstory to. */
export const LIMITS = {
  floorMultiple: 2,
  markjsDivisor: 5,
  sliceMs: 16,
  firstHighlightMs: 50,
  hoverLookupMs: 1,
  mutationsShare: 0.1,
  mutationsMs: 5,
  injectedGzipBytes: 15 * KIB,
  noMentionWorkMs: 2,
  firstHoverMs: 100,
};

const figure = (page: PageSummary, variant: VariantId) => page.variants.find((v) => v.variant === variant);

interface Candidate {
  where: string;
  measured: number | null;
  limit: number | null;
}

/** One budget judged on every page that has the figure: the page furthest over (or least under) its limit speaks for all. */
function worst(id: string, label: string, unit: Budget['unit'], candidates: Candidate[], strict = false): Budget {
  const measured = candidates.filter((c): c is { where: string; measured: number; limit: number } => c.measured !== null && c.limit !== null);
  if (measured.length === 0) return { id, label, where: null, measured: null, limit: null, unit, met: false };
  const pick = measured.reduce((a, b) => (b.measured - b.limit > a.measured - a.limit ? b : a));
  const met = strict ? pick.measured < pick.limit : pick.measured <= pick.limit;
  return { id, label, where: pick.where, measured: pick.measured, limit: pick.limit, unit, met };
}

/**
 * Each budget as "measured vs limit" in ms or bytes, so a miss reads as an
 * amount: a ratio budget becomes the time Backstory would have to get down to.
 * A figure that could not be measured misses its budget.
 */
export function checkBudgets(result: Pick<BenchResult, 'pages' | 'endToEnd'>): Budget[] {
  const { pages, endToEnd } = result;
  const synthetic = pages.filter((p) => p.page === SYNTHETIC_PAGE);
  const backstory = (page: PageSummary) => figure(page, 'backstory');
  return [
    worst(
      'floor',
      `Backstory's main-thread time on the 4 MiB page ≤ ${LIMITS.floorMultiple}× the floor`,
      'ms',
      synthetic.map((page) => {
        const floor = figure(page, 'floor')?.mainThreadMs;
        return { where: page.page, measured: backstory(page)?.mainThreadMs ?? null, limit: floor == null ? null : floor * LIMITS.floorMultiple };
      }),
    ),
    worst(
      'markjs',
      `Backstory's main-thread time on the 4 MiB page ≥ ${LIMITS.markjsDivisor}× less than mark.js`,
      'ms',
      synthetic.map((page) => ({
        where: page.page,
        measured: backstory(page)?.mainThreadMs ?? null,
        limit: ratio(figure(page, 'markjs')?.mainThreadMs, LIMITS.markjsDivisor),
      })),
    ),
    worst(
      'slice',
      `No main-thread slice of Backstory's work > ${LIMITS.sliceMs} ms (the page side's runs, and the built extension's scripts in the pages it was traced in)`,
      'ms',
      [
        ...pages.map((page) => ({ where: page.page, measured: backstory(page)?.longestSliceMs ?? null, limit: LIMITS.sliceMs })),
        ...endToEnd.longestTasks.map((task) => ({ where: `${task.page}, built extension`, measured: task.wallMs, limit: LIMITS.sliceMs })),
      ],
    ),
    worst(
      'first-highlight',
      `First highlights within ${LIMITS.firstHighlightMs} ms of the scan's start`,
      'ms',
      pages.map((page) => ({ where: page.page, measured: backstory(page)?.firstHighlightMs ?? null, limit: LIMITS.firstHighlightMs })),
    ),
    worst(
      'hover',
      `Hover hit-test < ${LIMITS.hoverLookupMs} ms`,
      'ms',
      pages.map((page) => ({ where: page.page, measured: page.hoverLookupMs, limit: LIMITS.hoverLookupMs })),
      true,
    ),
    worst(
      'mutations',
      `No added cost to the page's own 2,000 DOM mutations: its task, observers included (noise allowed: ≤ ${LIMITS.mutationsShare * 100}% or ≤ ${LIMITS.mutationsMs} ms)`,
      'ms',
      pages.map((page) => ({
        where: page.page,
        measured: page.mutationsTask.addedMs,
        limit: page.mutationsTask.withoutMs == null ? null : Math.max(page.mutationsTask.withoutMs * LIMITS.mutationsShare, LIMITS.mutationsMs),
      })),
    ),
    worst('injected-size', `Injected script ≤ ${LIMITS.injectedGzipBytes / KIB} KiB gzipped`, 'B', [
      { where: 'story.js', measured: endToEnd.injectedGzipBytes, limit: LIMITS.injectedGzipBytes },
    ]),
    worst(
      'no-mention-work',
      `≤ ${LIMITS.noMentionWorkMs} ms of work on a page without mentions (the saved news pages without any)`,
      'ms',
      endToEnd.noMentionPages.length > 0
        ? endToEnd.noMentionPages.map((p) => ({ where: p.page, measured: p.workMs, limit: LIMITS.noMentionWorkMs }))
        : [{ where: '4 MiB page without story names', measured: endToEnd.noMentionWorkMs, limit: LIMITS.noMentionWorkMs }],
    ),
    worst('first-hover', `First hover after the service worker stopped shows the card ≤ ${LIMITS.firstHoverMs} ms after the hover delay`, 'ms', [
      { where: 'demo', measured: endToEnd.firstHoverAfterStopMs, limit: LIMITS.firstHoverMs },
    ]),
  ];
}

export const allMet = (budgets: readonly Budget[]) => budgets.every((b) => b.met);
