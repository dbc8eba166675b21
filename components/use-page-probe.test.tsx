// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, isActiveOn, type Settings } from '../core/settings';
import { useLocaleMessages } from '../tooling/locale-messages';
import { FoundSection } from './FoundSection';
import type { Loadable } from './loadable';
import { PROBE_WAIT_MS, usePageProbe } from './use-page-probe';
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
  const [page, lookAgain] = usePageProbe(1, PAGE, true, false, isActiveOn(settings, 'news.example'));
  return <FoundSection url={PAGE} found={NOTHING} settings={settings} page={page} onLookAgain={lookAgain} notice={undefined} onReveal={() => {}} />;
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

describe('the popup’s look into a page that does not answer', () => {
  it('waits a moment, then says it could not look, with Try again, and never “Loading…” for as long as the page is stuck', async () => {
    // A page in an endless loop, or with an alert() open: the browser's call never settles until it is free.
    let free: ((frames: unknown) => void) | undefined;
    const executeScript = vi.fn(() => new Promise((answered) => (free = answered)));
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    const container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
    await act(async () => root!.render(<Found settings={DEFAULT_SETTINGS} />));
    expect(container.textContent).toContain('Loading…');

    await act(() => vi.advanceTimersByTimeAsync(PROBE_WAIT_MS));
    expect(container.textContent).toContain('Backstory could not look into this page just now.');
    expect(container.textContent).not.toContain('Loading…');
    expect(container.textContent).not.toContain('None of this story’s names');
    expect(container.textContent).not.toContain('does not run on this page');

    // Freed, it answers the look it was asked: taken, late as it is.
    await act(async () => free!([{ result: { type: 'text/html', html: true, screened: true } }]));
    expect(container.textContent).toContain('None of this story’s names are on this page.');
  });

  it('looks again on Try again', async () => {
    let answer = false;
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: () => (answer ? Promise.resolve([{ result: { type: 'text/html', html: true, screened: true } }]) : new Promise(() => {})),
    };
    const container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
    await act(async () => root!.render(<Found settings={DEFAULT_SETTINGS} />));
    await act(() => vi.advanceTimersByTimeAsync(PROBE_WAIT_MS));
    const tryAgain = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Try again')!;
    expect(tryAgain).toBeDefined();
    answer = true;
    await act(async () => tryAgain.click());
    expect(container.textContent).toContain('None of this story’s names are on this page.');
  });
});

describe('the popup’s look into a feed or an image', () => {
  const feed = new DOMParser().parseFromString('<rss><channel><item><title>Vladimir Putin in Pyongyang</title></item></channel></rss>', 'text/xml');
  // Chrome's tree view of a feed: HTML elements holding the feed, the document's type still the feed's.
  const treeView = { contentType: 'application/rss+xml', documentElement: document.createElement('html') };
  const xhtml = { contentType: 'application/xhtml+xml', documentElement: document.createElement('html') };

  async function shownFor(page: object): Promise<string> {
    // The look runs as it would in the page: its function, in that document.
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: async ({ func, args }: { func: (...args: unknown[]) => unknown; args: unknown[] }) => {
        vi.stubGlobal('document', page);
        try {
          return [{ result: func(...args) }];
        } finally {
          vi.unstubAllGlobals();
        }
      },
    };
    const container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
    await act(async () => root!.render(<Found settings={DEFAULT_SETTINGS} />));
    await act(() => vi.advanceTimersByTimeAsync(50));
    const shown = container.textContent ?? '';
    act(() => root!.unmount());
    root = undefined;
    return shown;
  }

  it('on an RSS feed naming the story’s people, as the browser parses it or shows it in its tree view, says Backstory reads web pages, not that nobody is named', async () => {
    for (const page of [feed, treeView]) {
      const shown = await shownFor(page);
      expect(shown).toContain('Backstory reads web pages, not feeds or images.');
      expect(shown).not.toContain('None of this story’s names');
    }
  });

  it('reads XHTML as a page', async () => {
    expect(await shownFor(xhtml)).not.toContain('not feeds or images');
  });
});
