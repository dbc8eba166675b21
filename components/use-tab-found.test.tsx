// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import { askEarly, earlyKey, takeEarly } from '../extension/early-requests';
import { tabFoundKey } from '../extension/tab-found-key';
import type { Loadable } from './loadable';
import { FOUND_WAIT_MS, NO_ANSWER, useTabFound, type TabFound } from './use-tab-found';

let root: Root | undefined;
beforeEach(() => {
  fakeBrowser.reset();
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: async () => [] };
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.restoreAllMocks();
});

const URL = 'https://news.example/summit';
const found = (names: string[]) => names.map((name) => ({ id: name.toLowerCase(), name, category: 'country' as const, count: 1, frameId: 0 }));

/**
 * The background as the popup meets it: it answers `tab/get` with what the tab has reported so far (`reported`),
 * each answer coming when `release` lets it.
 */
function background() {
  const state = { reported: [] as string[] };
  const waiting: (() => void)[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (request: { type: string }) => {
    if (request.type !== 'tab/get') return { ok: true, story: { id: 's', headline: 'H', summary: [] } };
    const reply = { ok: true, url: URL, found: found(state.reported), loading: false };
    await new Promise<void>((done) => waiting.push(done));
    return reply;
  }) as never);
  return { state, release: () => waiting.splice(0).forEach((done) => done()) };
}

async function mount(tabId: number): Promise<() => Loadable<TabFound>> {
  let latest: Loadable<TabFound> | undefined;
  function Probe() {
    latest = useTabFound(tabId)[0];
    return null;
  }
  root = createRoot(document.createElement('div'));
  await act(async () => root!.render(<Probe />));
  return () => latest!;
}

const names = (value: Loadable<TabFound>) => (value.status === 'ready' ? value.value.found.map((entity) => entity.name) : value.status);

it('shows the answer asked as the popup started, then what the tab reported before the popup began to watch it', async () => {
  const tab = await fakeBrowser.tabs.create({ url: URL });
  const { state, release } = background();
  askEarly(`?tab=${tab.id}`);
  takeEarly(earlyKey.story());
  await takeEarly(earlyKey.target(`?tab=${tab.id}`));
  // The early question is on its way with nothing reported; the page reports before the hook mounts and watches.
  state.reported = ['Japan'];
  await storage.setItem(tabFoundKey(tab.id!), { reported: 1 });
  const latest = await mount(tab.id!);
  await act(async () => release());
  await vi.waitFor(() => expect(names(latest())).toEqual(['Japan']));
  expect(vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.filter(([request]) => (request as { type: string }).type === 'tab/get')).toHaveLength(2);

  // What it reports later comes with the watch.
  state.reported = ['Japan', 'China'];
  await act(async () => {
    await storage.setItem(tabFoundKey(tab.id!), { reported: 2 });
  });
  await vi.waitFor(async () => {
    await act(async () => release());
    expect(names(latest())).toEqual(['Japan', 'China']);
  });
});

it('never lets the early answer, when it comes last, replace a newer one', async () => {
  const tab = await fakeBrowser.tabs.create({ url: URL });
  const answers: ((reply: unknown) => void)[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise((done) => answers.push(done))) as never);
  askEarly(`?tab=${tab.id}`);
  takeEarly(earlyKey.story());
  await takeEarly(earlyKey.target(`?tab=${tab.id}`));
  const latest = await mount(tab.id!);
  // story/get, the early tab/get, and the hook's own: the newer answers first.
  expect(answers).toHaveLength(3);
  await act(async () => answers[2]!({ ok: true, url: URL, found: found(['China']), loading: false }));
  await act(async () => answers[1]!({ ok: true, url: URL, found: [], loading: true }));
  expect(names(latest())).toEqual(['China']);
});

it('says it has no answer, for Try again, when the background gives none for a while, and shows one that comes later', async () => {
  vi.useFakeTimers();
  try {
    const tab = await fakeBrowser.tabs.create({ url: URL });
    // A background held up: its answers come only when let.
    const answers: ((reply: unknown) => void)[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise((done) => answers.push(done))) as never);
    const latest = await mount(tab.id!);
    expect(latest().status).toBe('loading');
    await act(() => vi.advanceTimersByTimeAsync(FOUND_WAIT_MS));
    expect(latest()).toEqual({ status: 'error', error: NO_ANSWER });
    await act(async () => answers.forEach((answer) => answer({ ok: true, url: URL, found: found(['China']), loading: false })));
    expect(names(latest())).toEqual(['China']);
  } finally {
    vi.useRealTimers();
  }
});
