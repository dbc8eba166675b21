import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { STORY_MARKER } from '../extension/story-keys';
import { READING, READING_AT_MOST_MS } from '../page/reading-mark';

/**
 * What a look into the tab's page tells, when nothing was found there:
 * - not `readable`: the browser lets no extension script into it (Firefox's PDF
 *   viewer, the sites Firefox keeps extensions off), so it is never read;
 * - its MIME type: a PDF is shown by the browser's own viewer, where no content script runs;
 * - whether the script on every page ran there: it does not in a page opened
 *   before Backstory was allowed on the site, which the browser reads only once it loads again;
 * - whether its reading is under way (page/reading-mark.ts): a large page's first
 *   one, or one again after Backstory was switched back on for it.
 * "None of this story’s names are on this page" would be a guess in each.
 */
export type PageProbe = { readable: false } | { readable: true; type: string | undefined; screened: boolean; reading?: boolean };

/** While the page says it is still being read, it is looked into again this often. */
const READING_POLL_MS = 400;

/**
 * Looks into the tab's top frame only when `ask` (nothing was found there), and
 * again once it has `loading` no more: a page reloaded from the popup. Undefined until known.
 */
export function usePageProbe(tabId: number | undefined, url: string | undefined, ask: boolean, loading: boolean): PageProbe | undefined {
  const [probe, setProbe] = useState<{ url: string; loading: boolean; probe: PageProbe }>();
  // Looked into again while the page is being read: its reading's end is told by nothing else when it finds no name.
  const [again, setAgain] = useState(0);
  useEffect(() => {
    if (tabId === undefined || url === undefined || !ask) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    browser.scripting
      .executeScript({
        target: { tabId },
        // Runs in the content-script world of the page, where the script on every page left its marks.
        func: (mark: string, readingMark: string, atMostMs: number) => {
          const began = (globalThis as Record<symbol, unknown>)[Symbol.for(readingMark)];
          return {
            type: document.contentType,
            screened: Symbol.for(mark) in globalThis,
            reading: typeof began === 'number' && performance.now() - began < atMostMs,
          };
        },
        args: [STORY_MARKER, READING, READING_AT_MOST_MS],
        injectImmediately: true,
      })
      .then(
        ([frame]) => {
          const result = frame?.result as { type?: unknown; screened?: unknown; reading?: unknown } | undefined;
          const type = typeof result?.type === 'string' ? result.type : undefined;
          const reading = result?.reading === true;
          if (!live) return;
          setProbe({ url, loading, probe: { readable: true, type, screened: result?.screened !== false, reading } });
          if (reading) timer = setTimeout(() => setAgain((n) => n + 1), READING_POLL_MS);
        },
        () => live && setProbe({ url, loading, probe: { readable: false } }),
      );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tabId, url, ask, loading, again]);
  // An answer about the page before is no answer about this one.
  return ask && probe !== undefined && probe.url === url && probe.loading === loading ? probe.probe : undefined;
}
