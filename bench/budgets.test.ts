import { describe, expect, it } from 'vitest';
import { allMet, checkBudgets, LIMITS } from './budgets';
import { verdict } from './report';
import type { EndToEnd, PageSummary, VariantId, VariantSummary } from './types';

function variant(id: VariantId, mainThreadMs: number | null, more: Partial<VariantSummary> = {}): VariantSummary {
  return {
    variant: id, runs: 3, mainThreadMs, mainThreadCpuMs: mainThreadMs, wallMs: mainThreadMs, longestSliceMs: 8, longtaskMaxMs: null, loafMaxMs: null,
    firstHighlightMs: id === 'floor' ? null : 30, mentions: null, heapAddedBytes: 0, msPerMiB: null, vsFloor: null, vsStructure: null, vsMarkjs: null,
    ...more,
  };
}

function page(name: string, ms: { floor: number; backstory: number; markjs: number }, more: Partial<PageSummary> = {}, backstory: Partial<VariantSummary> = {}): PageSummary {
  return {
    page: name, textChars: 4e6, textNodes: 8e4,
    variants: [variant('floor', ms.floor), variant('backstory', ms.backstory, backstory), variant('markjs', ms.markjs)],
    hoverLookupMs: 0.05,
    mutations: { withoutMs: 100, withMs: 140, addedMs: 40, scriptWithoutMs: 10, scriptWithMs: 10 },
    mutationsTask: { withoutMs: 50, withMs: 52, addedMs: 2 },
    scrollFrame: { withoutMs: 2, withMs: 2.5, addedMs: 0.5, intervalWithoutMs: 16.7, intervalWithMs: 16.7 },
    ...more,
  };
}

const endToEnd: EndToEnd = {
  builtAt: null, injectedBytes: 30_000, injectedGzipBytes: 10_000, demoFirstHighlightMs: 200, demoLoadEventMs: 100, demoFirstHighlightColdMs: 300,
  noMentionWorkMs: 1.5, noMentionMethod: 'profile', runs: 3,
  noMentionPages: [{ page: 'aktualne', workMs: 1.2 }], firstHoverAfterStopMs: 20, firstHoverWokeWorker: false, popupNamesMs: 150, popupNamesColdMs: 400,
  longestTasks: [{ page: 'demo', wallMs: 9, cpuMs: 8 }],
};
const good = [page('synthetic', { floor: 40, backstory: 60, markjs: 900 }), page('demo', { floor: 1, backstory: 3, markjs: 5 })];
const byId = (pages: PageSummary[], e: EndToEnd = endToEnd) => Object.fromEntries(checkBudgets({ pages, endToEnd: e }).map((b) => [b.id, b]));

describe('checkBudgets', () => {
  it('passes a run within every budget', () => {
    const budgets = checkBudgets({ pages: good, endToEnd });
    expect(budgets.filter((b) => !b.met)).toEqual([]);
    expect(allMet(budgets)).toBe(true);
  });

  it('judges the time ratios on the synthetic page as milliseconds Backstory may take', () => {
    const budgets = byId([page('synthetic', { floor: 40, backstory: 200, markjs: 900 }), good[1]!]);
    expect(budgets.floor).toMatchObject({ met: false, measured: 200, limit: 80, where: 'synthetic' });
    expect(budgets.markjs).toMatchObject({ met: false, measured: 200, limit: 180 });
    expect(verdict(budgets.floor!)).toBe('**missed** by 120 ms (×2.50 the limit)');
  });

  it('reports the worst page for per-page budgets', () => {
    const slow = page('cnn', { floor: 1, backstory: 2, markjs: 3 }, { hoverLookupMs: 1.5 }, { longestSliceMs: 40, firstHighlightMs: 80 });
    const budgets = byId([...good, slow]);
    expect(budgets.slice).toMatchObject({ met: false, measured: 40, where: 'cnn' });
    expect(budgets['first-highlight']).toMatchObject({ met: false, measured: 80, where: 'cnn' });
    expect(budgets.hover).toMatchObject({ met: false, measured: 1.5 });
  });

  it('counts the built extension\'s longest task in a page as a slice too', () => {
    const long = { ...endToEnd, longestTasks: [{ page: 'demo', wallMs: 9, cpuMs: 8 }, { page: '4 MiB page without story names', wallMs: 70, cpuMs: 60 }] };
    expect(byId(good, long).slice).toMatchObject({ met: false, measured: 70, where: '4 MiB page without story names, built extension' });
  });

  it('judges mutations on the page’s own task, allowing noise of 10% or 5 ms, whichever is more', () => {
    const mutationsTask = (withoutMs: number, addedMs: number) => ({ withoutMs, withMs: withoutMs + addedMs, addedMs });
    const judged = (task: ReturnType<typeof mutationsTask>) =>
      byId([page('synthetic', { floor: 40, backstory: 60, markjs: 900 }, { mutationsTask: task })]).mutations!;
    expect(judged(mutationsTask(20, 4.9)).met).toBe(true);
    expect(judged(mutationsTask(200, 19)).met).toBe(true);
    expect(judged(mutationsTask(200, 30))).toMatchObject({ met: false, limit: 200 * LIMITS.mutationsShare });
  });

  it('holds the injected script to 15 KiB gzipped and 2 ms on the saved pages without mentions', () => {
    const budgets = byId(good, { ...endToEnd, injectedGzipBytes: 16 * 1024, noMentionPages: [{ page: 'aktualne', workMs: 1 }, { page: 'folha', workMs: 2.5 }] });
    expect(budgets['injected-size']).toMatchObject({ met: false, measured: 16 * 1024, limit: 15 * 1024 });
    expect(verdict(budgets['injected-size']!)).toBe('**missed** by 1.0 KiB (×1.07 the limit)');
    expect(budgets['no-mention-work']).toMatchObject({ met: false, where: 'folha', measured: 2.5 });
  });

  it('judges a page without mentions on the generated one when no saved page is there', () => {
    const budgets = byId(good, { ...endToEnd, noMentionPages: [], noMentionWorkMs: 2.5 });
    expect(budgets['no-mention-work']).toMatchObject({ met: false, where: '4 MiB page without story names' });
  });

  it('holds the first hover after the worker stopped to 100 ms after the hover delay', () => {
    expect(byId(good, { ...endToEnd, firstHoverAfterStopMs: 99 })['first-hover']!.met).toBe(true);
    expect(byId(good, { ...endToEnd, firstHoverAfterStopMs: 130 })['first-hover']).toMatchObject({ met: false, limit: 100 });
    expect(byId(good, { ...endToEnd, firstHoverAfterStopMs: null })['first-hover']!.met).toBe(false);
  });

  it('counts a figure that could not be measured as missed', () => {
    const budgets = byId([page('demo', { floor: 1, backstory: 2, markjs: 3 })], { ...endToEnd, noMentionPages: [{ page: 'aktualne', workMs: null }] });
    expect(budgets.floor).toMatchObject({ met: false, measured: null });
    expect(verdict(budgets.floor!)).toBe('**not measured**');
    expect(budgets['no-mention-work']!.met).toBe(false);
  });

  it('treats the hover budget as strictly under', () => {
    expect(byId([page('synthetic', { floor: 40, backstory: 60, markjs: 900 }, { hoverLookupMs: 1 })]).hover!.met).toBe(false);
  });
});
