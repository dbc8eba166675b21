import { describe, expect, it } from 'vitest';
import { allMet, checkBudgets, LIMITS } from './budgets';
import { verdict } from './report';
import type { EndToEnd, PageSummary, VariantId, VariantSummary } from './types';

function variant(id: VariantId, mainThreadMs: number | null, more: Partial<VariantSummary> = {}): VariantSummary {
  return {
    variant: id, runs: 3, mainThreadMs, mainThreadCpuMs: mainThreadMs, wallMs: mainThreadMs, longestSliceMs: 8, longtaskMaxMs: null, loafMaxMs: null,
    firstHighlightMs: id === 'floor' ? null : 30, mentions: null, heapAddedBytes: 0, msPerMiB: null, vsFloor: null, vsMarkjs: null,
    ...more,
  };
}

function page(name: string, ms: { floor: number; backstory: number; markjs: number }, more: Partial<PageSummary> = {}, backstory: Partial<VariantSummary> = {}): PageSummary {
  return {
    page: name, textChars: 4e6, textNodes: 8e4,
    variants: [variant('floor', ms.floor), variant('backstory', ms.backstory, backstory), variant('markjs', ms.markjs)],
    hoverLookupMs: 0.05,
    mutations: { withoutMs: 100, withMs: 104, addedMs: 4, scriptWithoutMs: 10, scriptWithMs: 10 },
    scrollFrame: { withoutMs: 2, withMs: 2.5, addedMs: 0.5, intervalWithoutMs: 16.7, intervalWithMs: 16.7 },
    ...more,
  };
}

const endToEnd: EndToEnd = {
  builtAt: null, injectedBytes: 30_000, injectedGzipBytes: 10_000, demoFirstHighlightMs: 200, demoLoadEventMs: 100,
  noMentionWorkMs: 1.5, noMentionMethod: 'profile', runs: 3,
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

  it('allows mutation noise of 10% or 5 ms, whichever is more', () => {
    const mutations = (withoutMs: number, addedMs: number) => ({ withoutMs, withMs: withoutMs + addedMs, addedMs, scriptWithoutMs: 0, scriptWithMs: 0 });
    expect(byId([page('synthetic', { floor: 40, backstory: 60, markjs: 900 }, { mutations: mutations(20, 4.9) })]).mutations!.met).toBe(true);
    expect(byId([page('synthetic', { floor: 40, backstory: 60, markjs: 900 }, { mutations: mutations(200, 19) })]).mutations!.met).toBe(true);
    const over = byId([page('synthetic', { floor: 40, backstory: 60, markjs: 900 }, { mutations: mutations(200, 30) })]).mutations!;
    expect(over).toMatchObject({ met: false, limit: 200 * LIMITS.mutationsShare });
  });

  it('holds the injected script to 15 KiB gzipped and 2 ms on a page without mentions', () => {
    const budgets = byId(good, { ...endToEnd, injectedGzipBytes: 16 * 1024, noMentionWorkMs: 2.5 });
    expect(budgets['injected-size']).toMatchObject({ met: false, measured: 16 * 1024, limit: 15 * 1024 });
    expect(verdict(budgets['injected-size']!)).toBe('**missed** by 1.0 KiB (×1.07 the limit)');
    expect(budgets['no-mention-work']!.met).toBe(false);
  });

  it('counts a figure that could not be measured as missed', () => {
    const budgets = byId([page('demo', { floor: 1, backstory: 2, markjs: 3 })], { ...endToEnd, noMentionWorkMs: null });
    expect(budgets.floor).toMatchObject({ met: false, measured: null });
    expect(verdict(budgets.floor!)).toBe('**not measured**');
    expect(budgets['no-mention-work']!.met).toBe(false);
  });

  it('treats the hover budget as strictly under', () => {
    expect(byId([page('synthetic', { floor: 40, backstory: 60, markjs: 900 }, { hoverLookupMs: 1 })]).hover!.met).toBe(false);
  });
});
