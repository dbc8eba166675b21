// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, isActiveOn, type Settings } from '../core/settings';
import { useLocaleMessages } from '../tooling/locale-messages';
import { FoundSection } from './FoundSection';
import type { Loadable } from './loadable';
import { usePageProbe } from './use-page-probe';
import { REREADING_MS } from './use-rereading';
import type { TabFound } from './use-tab-found';

const PAGE = 'https://news.example/summit';
const NOTHING: Loadable<TabFound> = { status: 'ready', value: { url: PAGE, found: [] } };
const OFF_HERE: Settings = { ...DEFAULT_SETTINGS, offSites: ['news.example'] };

beforeAll(() => useLocaleMessages());

let root: Root | undefined;
beforeEach(() => {
  vi.useFakeTimers();
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.useRealTimers();
});

/** The popup's "On this page" as Popup.tsx wires it: the real look into the page, its answers from `page`. */
function Found({ settings }: { settings: Settings }) {
  const page = usePageProbe(1, PAGE, true, false, isActiveOn(settings, 'news.example'));
  return <FoundSection url={PAGE} found={NOTHING} settings={settings} page={page} notice={undefined} onReveal={() => {}} />;
}

describe('the popup’s look into a page switched back on', () => {
  it('looks again, and tells the page as being read again for as long as it is, not as naming nothing', async () => {
    // The page's reading mark as the annotator sets it: it hears of the switch a moment after the popup, and a large page takes a while.
    const page = { reading: false };
    // Answered after a while, as across processes: the line meanwhile is the popup's to choose.
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: async () => {
        const reading = page.reading;
        await new Promise((answered) => setTimeout(answered, 50));
        return [{ result: { type: 'text/html', screened: true, reading } }];
      },
    };
    const container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
    const show = (settings: Settings) => act(async () => root!.render(<Found settings={settings} />));
    // A step at a time: act renders what a timer set off only once its callback is done.
    const wait = async (ms: number) => {
      for (let waited = 0; waited < ms; waited += 50) await act(() => vi.advanceTimersByTimeAsync(50));
    };

    await show(OFF_HERE);
    await wait(50);
    expect(container.textContent).toContain('Backstory is off on news.example');

    await show(DEFAULT_SETTINGS);
    // Not "Loading…" while it is looked into anew: the live line would be read out going there and back.
    expect(container.textContent).toContain('Reading this page again…');
    await wait(300);
    page.reading = true;
    await wait(REREADING_MS * 2);
    expect(container.textContent).toContain('Reading this page again…');
    expect(container.textContent).not.toContain('None of this story’s names');

    page.reading = false;
    await wait(1000);
    expect(container.textContent).toContain('None of this story’s names are on this page.');
  });
});
