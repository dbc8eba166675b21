import { describe, expect, it } from 'vitest';
import { renderResults } from './report';
import type { BenchResult, EndToEnd } from './types';

const endToEnd: EndToEnd = {
  builtAt: null, injectedBytes: 30_000, injectedGzipBytes: 10_000, demoFirstHighlightMs: 200, demoLoadEventMs: 100, demoFirstHighlightColdMs: 300,
  noMentionWorkMs: 1.5, noMentionMethod: 'profile', runs: 3, noMentionPages: [], firstHoverAfterStopMs: 20, firstHoverWokeWorker: false,
  popupNamesMs: 150, popupNamesColdMs: 400, longestTasks: [],
};

const result = (firefox: BenchResult['firefox']): BenchResult => ({
  date: '2026-12-06T00:00:00Z', loadAverage: { start: 1, end: 1 }, quick: false, repetitions: 3,
  machine: { os: 'Debian', cpu: 'EPYC', cores: 2, memoryGiB: 24, chromium: '156', node: 'v20' },
  backstoryApi: 'PageAnnotator', pages: [], endToEnd, firefox, budgets: [],
});

/** The lines of the Firefox section, after its heading. */
const firefoxSection = (rendered: string) => rendered.slice(rendered.indexOf('### End to end in Firefox')).split('\n').slice(1).join('\n');

describe('renderResults, Firefox', () => {
  const measured = { firefox: '153.8.0esr', builtAt: '2026-12-05T23:53:00Z', demoFirstHighlightMs: 188, demoFirstHighlightColdMs: 196.5, runs: 3 };

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
    expect(firefoxSection(renderResults(result({ ...measured, firstHoverAfterStopMs: null, firstHoverWokeBackground: null }), 3))).toMatch(
      /first hover after the background stopped → card shown, after the hover delay \| — \|/,
    );
  });

  it('says why Firefox was not measured', () => {
    expect(firefoxSection(renderResults(result(null), 3))).toContain('Not measured: no Firefox');
  });
});
