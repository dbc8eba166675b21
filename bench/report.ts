import { NO_MENTION_PAGE, VARIANT_LABELS, type BenchResult, type Budget, type PageSummary, type ProbeFigure, type RunFigure } from './types';

const DASH = '—';
const KIB = 1024;

const grouped = (value: number, decimals: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** Milliseconds with as many decimals as the size warrants. */
export function formatMs(ms: number | null, signed = false): string {
  if (ms === null) return DASH;
  const size = Math.abs(ms);
  const decimals = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3;
  const sign = signed && ms > 0 ? '+' : ms < 0 ? '−' : '';
  return `${sign}${grouped(size, decimals)} ms`;
}

export function formatBytes(bytes: number | null, signed = false): string {
  if (bytes === null) return DASH;
  const size = Math.abs(bytes);
  const sign = signed && bytes > 0 ? '+' : bytes < 0 ? '−' : '';
  if (size < KIB) return `${sign}${size} B`;
  if (size < KIB * KIB) return `${sign}${grouped(size / KIB, 1)} KiB`;
  return `${sign}${grouped(size / KIB / KIB, 1)} MiB`;
}

export function formatRatio(value: number | null): string {
  if (value === null) return DASH;
  return `×${grouped(value, value >= 100 ? 0 : value >= 10 ? 1 : 2)}`;
}

const formatCount = (value: number | null) => (value === null ? DASH : grouped(value, 0));

function formatValue(budget: Budget, value: number | null, signed = false): string {
  return budget.unit === 'B' ? formatBytes(value, signed) : formatMs(value, signed);
}

/** "met, 12 ms to spare" or "missed by 300 ms (×2.5 the limit)". */
export function verdict(budget: Budget): string {
  const { runs } = budget;
  if (runs && runs.measured < runs.planned) return `**missed**: ${runs.planned - runs.measured} of ${runs.planned} runs not measured`;
  if (budget.measured === null || budget.limit === null) return '**not measured**';
  const gap = Math.abs(budget.measured - budget.limit);
  if (budget.met) return `met, ${formatValue(budget, gap)} to spare`;
  const times = budget.limit > 0 ? ` (${formatRatio(budget.measured / budget.limit)} the limit)` : '';
  return `**missed** by ${formatValue(budget, gap)}${times}`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function budgetTable(budgets: readonly Budget[]): string {
  return table(
    ['budget', 'measured', 'limit', 'verdict'],
    budgets.map((b) => [b.label, `${formatValue(b, b.measured)}${b.where ? ` (${b.where})` : ''}`, formatValue(b, b.limit), verdict(b)]),
  );
}

function textSize(page: PageSummary): string {
  if (page.textChars === null) return DASH;
  const size = page.textChars >= KIB * KIB ? `${grouped(page.textChars / KIB / KIB, 2)} MiB` : `${grouped(page.textChars / KIB, 1)} KiB`;
  return `${size}, ${formatCount(page.textNodes)} nodes`;
}

function variantTable(pages: readonly PageSummary[]): string {
  return table(
    ['page', 'text', 'variant', 'main thread', 'of it CPU', 'longest slice', 'longest slice in any run', 'longest longtask entry', 'longest Long Animation Frame', 'ms / MiB', '× floor', '× structure walk', '× mark.js', 'first highlight', 'mentions', 'JS heap added'],
    pages.flatMap((page) =>
      page.variants.map((v, i) => [
        i === 0 ? `**${page.page}**` : '',
        i === 0 ? textSize(page) : '',
        VARIANT_LABELS[v.variant],
        formatMs(v.mainThreadMs),
        formatMs(v.mainThreadCpuMs),
        formatMs(v.longestSliceMs),
        formatMs(v.longestSliceMaxMs),
        formatMs(v.longtaskMaxMs),
        formatMs(v.loafMaxMs),
        v.msPerMiB === null ? DASH : grouped(v.msPerMiB, v.msPerMiB >= 10 ? 0 : 1),
        formatRatio(v.vsFloor),
        formatRatio(v.vsStructure),
        formatRatio(v.vsMarkjs),
        formatMs(v.firstHighlightMs),
        formatCount(v.mentions),
        formatBytes(v.heapAddedBytes, true),
      ]),
    ),
  );
}

const FIGURE_NAMES: Record<RunFigure | ProbeFigure, string> = {
  mainThreadMs: 'main thread',
  longestSliceMs: 'longest slice',
  firstHighlightMs: 'first highlight',
  hoverLookupMs: 'hover lookup',
  hoverFirstLookupMs: 'first hover lookup',
  hoverColdLookupMs: 'first hover lookup before any idle time',
  mutationsTaskMs: 'the page’s mutation task',
  scrollFrameMs: 'scroll frame',
};

/** The runs that gave no figure they were to give, which the medians above leave out; null when there were none. */
function unmeasuredNote(pages: readonly PageSummary[]): string | null {
  const lines: string[] = [];
  for (const page of pages) {
    for (const v of page.variants) {
      for (const [key, count] of Object.entries(v.unmeasured)) {
        lines.push(`${page.page}, ${VARIANT_LABELS[v.variant]}: ${FIGURE_NAMES[key as RunFigure]} missing in ${count} of ${v.runs} runs`);
      }
    }
    for (const [key, count] of Object.entries(page.probesUnmeasured)) {
      lines.push(`${page.page}: ${FIGURE_NAMES[key as ProbeFigure]} missing in ${count} loads`);
    }
  }
  return lines.length ? `Not measured in every run (each misses its budget): ${lines.join('; ')}.` : null;
}

const beforeAfter = (without: number | null, withMs: number | null) => `${formatMs(without)} → ${formatMs(withMs)}`;

function afterTable(pages: readonly PageSummary[]): string {
  return table(
    [
      'page',
      'hover lookup (median, index built)',
      'first hover lookup (index built in idle time)',
      'first hover lookup before any idle time (builds the index)',
      'the page’s task making 2,000 DOM mutations: without → with',
      'added',
      'with the work they set off (300 ms): without → with',
      'added',
      'scroll frame: without → with',
      'added',
    ],
    pages.map((page) => [
      page.page,
      formatMs(page.hoverLookupMs),
      formatMs(page.hoverFirstLookupMs),
      formatMs(page.hoverColdLookupMs),
      beforeAfter(page.mutationsTask.withoutMs, page.mutationsTask.withMs),
      formatMs(page.mutationsTask.addedMs, true),
      beforeAfter(page.mutations.withoutMs, page.mutations.withMs),
      formatMs(page.mutations.addedMs, true),
      beforeAfter(page.scrollFrame.withoutMs, page.scrollFrame.withMs),
      formatMs(page.scrollFrame.addedMs, true),
    ]),
  );
}

/** " (in 2 of 3 runs)" when some runs gave no figure; nothing when all did. */
function ofRuns(measured: number | undefined, planned: number): string {
  return measured === undefined || measured >= planned ? '' : ` (in ${measured} of ${planned} runs)`;
}

function endToEndTable(result: BenchResult): string {
  const e = result.endToEnd;
  const injected = e.injectedFiles?.length ? e.injectedFiles.join(', ') : 'not built';
  return table(
    ['figure', 'value'],
    [
      [`scripts injected into every page (${injected})`, `${formatBytes(e.injectedGzipBytes)} gzipped (${formatBytes(e.injectedBytes)} raw)`],
      ['demo article: navigation → first highlight painted', `${formatMs(e.demoFirstHighlightMs)} (load event ends at ${formatMs(e.demoLoadEventMs)})`],
      ['the same, the service worker stopped before the load', formatMs(e.demoFirstHighlightColdMs)],
      ...e.noMentionPages.map((p): [string, string] => [`${p.page} (a saved page without mentions): CPU time of Backstory’s scripts`, `${formatMs(p.workMs)}${ofRuns(p.runs, e.runs)}`]),
      [`${NO_MENTION_PAGE}: CPU time of Backstory’s scripts`, `${formatMs(e.noMentionWorkMs)}${ofRuns(e.noMentionWorkRuns, e.runs)}`],
      ...e.longestTasks.map((t): [string, string] => [
        `${t.page}: the longest task of Backstory’s scripts, median over the loads`,
        `${formatMs(t.wallMs)} (CPU ${formatMs(t.cpuMs)}), the longest of any load ${formatMs(t.wallMaxMs)}${ofRuns(t.runs, e.runs)}`,
      ]),
      [
        'first hover after the service worker stopped: end of the hover delay → card with its facts (median; the slowest run, which the budget judges)',
        `${formatMs(e.firstHoverAfterStopMs)}; the slowest ${formatMs(e.firstHoverAfterStopMaxMs)}${ofRuns(e.firstHoverMeasuredRuns, e.runs)}${e.firstHoverWokeWorker === null ? '' : e.firstHoverWokeWorker ? ' (the worker was started)' : ' (the worker stayed stopped)'}`,
      ],
      ['popup opened about the demo article’s tab: navigation → first name listed', formatMs(e.popupNamesMs)],
      ['the same, the service worker stopped before', formatMs(e.popupNamesColdMs)],
    ],
  );
}

function firefoxSection(result: BenchResult): string {
  const f = result.firefox;
  if (!f) return 'Not measured: no Firefox (`apt-get install firefox-esr`, or FIREFOX_PATH), or no build in .output/firefox-mv3.';
  return [
    `Firefox ${f.firefox} (headless), the build in .output/firefox-mv3${f.builtAt ? ` made ${f.builtAt}` : ''}; medians of ${f.runs}. Not budgets; Firefox's clock in a page counts whole milliseconds.`,
    '',
    table(
      ['figure', 'value'],
      [
        ['demo article: navigation → first highlight painted', formatMs(f.demoFirstHighlightMs)],
        ['the same, the background stopped before the load', formatMs(f.demoFirstHighlightColdMs)],
        [
          'demo article: first hover after the background stopped → card shown, after the hover delay',
          `${formatMs(f.firstHoverAfterStopMs)}${ofRuns(f.firstHoverMeasuredRuns, f.runs)}${f.firstHoverWokeBackground === null ? '' : f.firstHoverWokeBackground ? ' (the background was started)' : ' (the background stayed stopped)'}`,
        ],
      ],
    ),
  ].join('\n');
}

/** Which code was measured: the commit, and whether the working tree differed from it. */
function sourceLine(result: BenchResult): string {
  const { commit, dirty } = result.source;
  if (commit === null) return 'Source: not a git checkout';
  return `Source: commit ${commit.slice(0, 12)}${dirty === null ? '' : dirty ? ', with uncommitted changes' : ', no uncommitted changes'}`;
}

/** When, how and on what the run measured: the lines above its tables. */
function runLines(result: BenchResult): string[] {
  const m = result.machine;
  const run = result.quick
    ? `quick run (${result.repetitions} repetition, synthetic and demo pages only: for development, not for comparison)`
    : `medians of ${result.repetitions} fresh page loads per page and variant, variants alternating, ratios taken within each round; each budget says what it judges`;
  return [
    `Measured ${result.date} · ${run} · Backstory's page side through ${result.backstoryApi}.`,
    '',
    `Machine: ${m.os} · ${m.cpu}, ${m.cores} cores · ${m.memoryGiB} GiB memory · Chromium ${m.chromium} (headless) · Node ${m.node} · ` +
      `load average ${result.loadAverage.start.toFixed(1)} at the start, ${result.loadAverage.end.toFixed(1)} at the end`,
    '',
    sourceLine(result),
    '',
  ];
}

/**
 * The README's part of a run: when and where, and its budgets. Its other tables (some hundred rows) are the
 * record's, in latest.md, which the same run writes: a newcomer reading the README wants the verdicts.
 */
export function renderReadmeSection(result: BenchResult, level = 3, latest = 'bench/results/latest.md'): string {
  return [
    ...runLines(result),
    `${'#'.repeat(level)} Budgets`,
    '',
    budgetTable(result.budgets),
    '',
    `Every figure of the run, page by page and variant by variant, the page afterwards (hover, DOM changes, scrolling), ` +
      `and end to end in Chromium and Firefox: [${latest}](${latest}), written by the same run.`,
  ].join('\n');
}

/** The results as markdown under headings of `level`: 2 for latest.md, deeper inside another document. */
export function renderResults(result: BenchResult, level: number): string {
  const h = '#'.repeat(level);
  return [
    ...runLines(result),
    `${h} Budgets`,
    '',
    budgetTable(result.budgets),
    '',
    `${h} Per page and variant`,
    '',
    variantTable(result.pages),
    '',
    'Longtask and Long Animation Frame entries: the longest of each run, median over the runs; the browser reports only those over 50 ms, so — is none that long.',
    '',
    ...[unmeasuredNote(result.pages)].filter((note): note is string => note !== null).flatMap((note) => [note, '']),
    `${h} The page afterwards: hover, DOM changes, scrolling (without Backstory → with it)`,
    '',
    afterTable(result.pages),
    '',
    `${h} End to end, through the built extension`,
    '',
    `The build in .output/chrome-mv3${result.endToEnd.builtAt ? ` made ${result.endToEnd.builtAt}` : ''}; \`--build\` rebuilds it first.`,
    '',
    endToEndTable(result),
    '',
    `Work on the page without mentions: ${result.endToEnd.noMentionMethod}.`,
    '',
    `${h} End to end in Firefox`,
    '',
    firefoxSection(result),
  ].join('\n');
}

export function renderMarkdown(result: BenchResult): string {
  return `# Backstory benchmark\n\n${renderResults(result, 2)}\n`;
}
