// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Loadable } from './loadable';
import { useTargetTab, type PopupTab } from './use-target-tab';

let root: Root | undefined;
beforeEach(() => {
  fakeBrowser.reset();
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.restoreAllMocks();
});

async function mount(search: string): Promise<{ latest: () => Loadable<PopupTab | undefined>; retry: () => void }> {
  let latest: Loadable<PopupTab | undefined> | undefined;
  let retry: (() => void) | undefined;
  function Probe() {
    [latest, retry] = useTargetTab(search);
    return null;
  }
  root = createRoot(document.createElement('div'));
  await act(async () => root!.render(<Probe />));
  return { latest: () => latest!, retry: () => retry!() };
}

it('tells a tab in a private window from one in an ordinary window', async () => {
  const ordinary = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
  const { latest } = await mount(`?tab=${ordinary.id}`);
  await vi.waitFor(() => expect(latest()).toMatchObject({ status: 'ready', value: { id: ordinary.id, incognito: false } }));
  act(() => root?.unmount());

  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => ({ id, url: 'https://news.example/b', incognito: true })) as never);
  const { latest: privately } = await mount('?tab=7');
  await vi.waitFor(() => expect(privately()).toMatchObject({ status: 'ready', value: { id: 7, incognito: true } }));
});

it('asks again which tab it is about after that failed', async () => {
  const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
  const query = vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValueOnce(new Error('No current window'));
  const { latest, retry } = await mount('');
  await vi.waitFor(() => expect(latest().status).toBe('error'));
  query.mockResolvedValueOnce([tab]);
  await act(async () => retry());
  await vi.waitFor(() => expect(latest()).toMatchObject({ status: 'ready', value: { id: tab.id } }));
});
