import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { STORY_MARKER } from '../extension/story-keys';
import { READING, READING_AT_MOST_MS } from '../page/reading-mark';
import { REREADING_MS } from './use-rereading';

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
 * again once it has `loading` no more (a page reloaded from the popup), and
 * once Backstory is `active` on it again (switched back on, the page reads
 * itself anew, which an answer from before does not tell). Undefined until known.
 */
export function usePageProbe(
  tabId: number | undefined,
  url: string | undefined,
  ask: boolean,
  loading: boolean,
  active: boolean | undefined,
): PageProbe | undefined {
  // Settings not read yet count as on, as they most often are: the popup's first look is not made twice as it opens.
  const on = active !== false;
  const [probe, setProbe] = useState<{ url: string; loading: boolean; on: boolean; probe: PageProbe }>();
  // Looked into again while the page is being read: its reading's end is told by nothing else when it finds no name.
  const [again, setAgain] = useState(0);
  // The page hears of the switch from the browser's storage, after the popup's first look at it may have answered:
  // until it has had the time to begin reading, "not reading" is no answer yet.
  const switchedOnAt = useRef<number>(undefined);
  const was = useRef(active);
  useEffect(() => {
    if (was.current === false && active === true) switchedOnAt.current = Date.now();
    was.current = active;
  }, [active]);
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
          setProbe({ url, loading, on, probe: { readable: true, type, screened: result?.screened !== false, reading } });
          const beginning = switchedOnAt.current !== undefined && Date.now() - switchedOnAt.current < REREADING_MS;
          if (reading || beginning) timer = setTimeout(() => setAgain((n) => n + 1), READING_POLL_MS);
        },
        () => live && setProbe({ url, loading, on, probe: { readable: false } }),
      );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tabId, url, ask, loading, on, again]);
  // An answer about the page before is no answer about this one, nor one from before it was switched on about it now.
  return ask && probe !== undefined && probe.url === url && probe.loading === loading && probe.on === on ? probe.probe : undefined;
}
