import { describe, expect, it } from 'vitest';
import { renderReadmeSection, renderResults, verdict } from './report';
import type { BenchResult, EndToEnd, PageSummary } from './types';

const endToEnd: EndToEnd = {
  builtAt: null, injectedBytes: 30_000, injectedGzipBytes: 10_000, demoFirstHighlightMs: 200, demoLoadEventMs: 100, demoFirstHighlightColdMs: 300,
  noMentionWorkMs: 1.5, noMentionMethod: 'profile', runs: 3, noMentionPages: [], firstHoverAfterStopMs: 20, firstHoverAfterStopMaxMs: 24, firstHoverWokeWorker: false,
  popupNamesMs: 150, popupNamesColdMs: 400, longestTasks: [],
};

const result = (firefox: BenchResult['firefox']): BenchResult => ({
  date: '2026-12-06T00:00:00Z', loadAverage: { start: 1, end: 1 }, quick: false, repetitions: 3,
  machine: { os: 'Debian', cpu: 'EPYC', cores: 2, memoryGiB: 24, chromium: '156', node: 'v20' },
  source: { commit: '2220f73d0a1b2c3d4e5f60718293a4b5c6d7e8f9', dirty: true },
  backstoryApi: 'PageAnnotator', pages: [], endToEnd, firefox, budgets: [],
});

/** The lines of the Firefox section, after its heading. */
const firefoxSection = (rendered: string) => rendered.slice(rendered.indexOf('### End to end in Firefox')).split('\n').slice(1).join('\n');

describe('renderResults, Firefox', () => {
  const measured = { firefox: '153.8.0esr', builtAt: '2026-12-05T23:53:00Z', demoFirstHighlightMs: 188, demoFirstHighlightColdMs: 196.5, runs: 3, firstHoverMeasuredRuns: 3 };

  it('shows the demo article’s first highlight in Firefox, with the background running and stopped, the first hover after a stop, and the build measured', () => {
    const section = firefoxSection(renderResults(result({ ...measured, firstHoverAfterStopMs: 29.5, firstHoverWokeBackground: false }), 3));
    expect(section).toContain('Firefox 153.8.0esr (headless), the build in .output/firefox-mv3 made 2026-12-05T23:53:00Z; medians of 3');
    expect(section).toMatch(/\| demo article: navigation → first highlight painted \| 188 ms \|/);
    expect(section).toMatch(/\| the same, the background stopped before the load \| 197 ms \|/);
    expect(section).toMatch(/\| demo article: first hover after the background stopped → card shown, after the hover delay \| 29\.5 ms \(the background stayed stopped\) \|/);
  });

  it('says when the first hover started the background, or opened no card', () => {
    expect(firefoxSection(renderResults(result({ ...measured, firstHoverAfterStopMs: 140, firstHoverWokeBackground: true }), 3))).toContain(
      '| 140 ms (the background was started) |',
    );
    expect(firefoxSection(renderResults(result({ ...measured, firstHoverAfterStopMs: null, firstHoverWokeBackground: null, firstHoverMeasuredRuns: 0 }), 3))).toMatch(
      /first hover after the background stopped → card shown, after the hover delay \| — \(in 0 of 3 runs\) \|/,
    );
    expect(firefoxSection(renderResults(result({ ...measured, firstHoverAfterStopMs: 30, firstHoverWokeBackground: false, firstHoverMeasuredRuns: 2 }), 3))).toContain(
      '| 30.0 ms (in 2 of 3 runs) (the background stayed stopped) |',
    );
  });

  it('says why Firefox was not measured', () => {
    expect(firefoxSection(renderResults(result(null), 3))).toContain('Not measured: no Firefox');
  });
});

const summary: PageSummary = {
  page: 'synthetic', textChars: 4e6, textNodes: 8e4,
  variants: [{
    variant: 'backstory', runs: 3, mainThreadMs: 200, mainThreadCpuMs: 190, wallMs: 210, longestSliceMs: 9, longestSliceMaxMs: 17.5, longtaskMaxMs: 651, loafMaxMs: 702.4,
    firstHighlightMs: 30, mentions: 11000, heapAddedBytes: 0, msPerMiB: 50, vsFloor: 5, vsStructure: 3, vsMarkjs: 0.3, unmeasured: { firstHighlightMs: 1 },
  }],
  hoverLookupMs: 0.4, hoverFirstLookupMs: 0.5, hoverColdLookupMs: 6.2, hoverLookups: 3003, hoverHits: 3003, probeRuns: { with: 3, without: 3 }, probesUnmeasured: {},
  samples: { runs: [], withBackstory: [], without: [] },
  mutations: { withoutMs: 100, withMs: 140, addedMs: 40, scriptWithoutMs: 10, scriptWithMs: 10 },
  mutationsTask: { withoutMs: 2, withMs: 2.3, addedMs: 0.3 },
  scrollFrame: { withoutMs: 2, withMs: 2.5, addedMs: 0.5, intervalWithoutMs: 16.7, intervalWithMs: 16.7 },
};

describe('renderResults, pages and end to end', () => {
  const longestTasks = [{ page: 'demo', wallMs: 9, cpuMs: 8, wallMaxMs: 17, runs: 2 }];
  const rendered = renderResults({ ...result(null), pages: [summary], endToEnd: { ...endToEnd, injectedFiles: ['content-scripts/story.js'], firstHoverMeasuredRuns: 2, longestTasks } }, 3);

  it('shows the longest slice of any run beside the median one, for the page side and the built extension', () => {
    expect(rendered).toContain('| longest slice | longest slice in any run |');
    expect(rendered).toContain('| 9.00 ms | 17.5 ms |');
  });

  it('shows the longest longtask and Long Animation Frame entries per page and variant', () => {
    expect(rendered).toContain('| longest slice in any run | longest longtask entry | longest Long Animation Frame |');
    expect(rendered).toContain('| 17.5 ms | 651 ms | 702 ms |');
    expect(rendered).toContain('| demo: the longest task of Backstory’s scripts, median over the loads | 9.00 ms (CPU 8.00 ms), the longest of any load 17.0 ms (in 2 of 3 runs) |');
  });

  it('shows the first hover lookup once indexed in idle time, and one before any idle time, beside the warm median', () => {
    expect(rendered).toContain('| hover lookup (median, index built) | first hover lookup (index built in idle time) | first hover lookup before any idle time (builds the index) |');
    expect(rendered).toContain('| synthetic | 0.400 ms | 0.500 ms | 6.20 ms |');
  });

  it('names the runs that gave no figure', () => {
    expect(rendered).toContain('synthetic, Backstory: first highlight missing in 1 of 3 runs');
  });

  it('names the injected scripts from the manifest, and tells how many first hovers showed a card', () => {
    expect(rendered).toContain('| scripts injected into every page (content-scripts/story.js) |');
    expect(rendered).toMatch(/card with its facts \(median; the slowest run, which the budget judges\) \| 20\.0 ms; the slowest 24\.0 ms \(in 2 of 3 runs\)/);
  });
});

describe('verdict', () => {
  it('says a budget whose runs did not all give a figure missed it', () => {
    const budget = { id: 'x', label: 'x', where: 'demo', measured: 20, limit: 100, unit: 'ms' as const, runs: { planned: 3, measured: 2 }, met: false };
    expect(verdict(budget)).toBe('**missed**: 1 of 3 runs not measured');
    expect(verdict({ ...budget, runs: { planned: 3, measured: 3 }, met: true })).toBe('met, 80.0 ms to spare');
  });
});

describe('renderReadmeSection', () => {
  it('gives the run, its machine and its budgets, and sends the reader to latest.md for every other table', () => {
    const section = renderReadmeSection(result(null));
    expect(section).toContain('### Budgets');
    expect(section).toMatch(/^Measured /);
    expect(section).toContain('Machine: ');
    expect(section).toContain('Source: commit 2220f73d0a1b, with uncommitted changes');
    expect(renderResults(result(null), 3)).toContain('Source: commit 2220f73d0a1b, with uncommitted changes');
    expect(renderReadmeSection({ ...result(null), source: { commit: '2220f73d0a1b2c3d4e5f60718293a4b5c6d7e8f9', dirty: false } })).toContain(
      'Source: commit 2220f73d0a1b, no uncommitted changes',
    );
    expect(section).toContain('[bench/results/latest.md](bench/results/latest.md)');
    expect(section).not.toContain('Per page and variant');
    expect(section).not.toContain('End to end in Firefox');
    expect(renderResults(result(null), 3)).toContain('### Per page and variant');
  });
});
