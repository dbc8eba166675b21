import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { STORY_MARKER } from '../extension/story-keys';
import { READING, READING_AT_MOST_MS } from '../page/reading-mark';
import { REREADING_MS } from './use-rereading';

/**
 * What a look into the tab's page tells, when nothing was found there:
 * - not `readable`: the browser lets no extension script into it (Firefox's PDF
 *   viewer, the sites Firefox keeps extensions off, a site an enterprise policy
 *   keeps extensions off), so it is never read;
 * - `unanswered`: the page did not answer in time (a long task, an endless loop,
 *   an open alert()): nothing can be said of it until it does;
 * - its MIME type: a PDF is shown by the browser's own viewer, where no content script runs;
 * - whether it is an HTML document: an RSS feed or an SVG file makes no HTML
 *   elements, and is left unread by design;
 * - whether the script on every page ran there: it does not in a page opened
 *   before Backstory was allowed on the site, which the browser reads only once it loads again;
 * - whether its reading is under way (page/reading-mark.ts): a large page's first
 *   one, or one again after Backstory was switched back on for it.
 * "None of this story’s names are on this page" would be a guess in each.
 */
export type PageProbe =
  | { readable: false; unanswered?: boolean }
  | { readable: true; type: string | undefined; html?: boolean; screened: boolean; reading?: boolean };

/** While the page says it is still being read, it is looked into again this often. */
const READING_POLL_MS = 400;

/**
 * How long the look waits for the page: a page busy in a long task, an endless
 * loop or an alert() answers nothing until it is free, and the popup showed
 * "Loading…" for as long. An answer coming later is still taken.
 */
export const PROBE_WAIT_MS = 1000;

/**
 * Looks into the tab's top frame only when `ask` (nothing was found there), and
 * again once it has `loading` no more (a page reloaded from the popup), and
 * once Backstory is `active` on it again (switched back on, the page reads
 * itself anew, which an answer from before does not tell). Undefined until known.
 * Also returns a way to look again, after the page did not answer.
 */
export function usePageProbe(
  tabId: number | undefined,
  url: string | undefined,
  ask: boolean,
  loading: boolean,
  active: boolean | undefined,
): [PageProbe | undefined, () => void] {
  // Settings not read yet count as on, as they most often are: the popup's first look is not made twice as it opens.
  const on = active !== false;
  const [probe, setProbe] = useState<{ url: string; loading: boolean; on: boolean; probe: PageProbe }>();
  // Looked into again while the page is being read: its reading's end is told by nothing else when it finds no name.
  const [again, setAgain] = useState(0);
  const [attempt, setAttempt] = useState(0);
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
    let answered = false;
    const waited = setTimeout(() => {
      if (live && !answered) setProbe({ url, loading, on, probe: { readable: false, unanswered: true } });
    }, PROBE_WAIT_MS);
    browser.scripting
      .executeScript({
        target: { tabId },
        // Runs in the content-script world of the page, where the script on every page left its marks.
        func: (mark: string, readingMark: string, atMostMs: number) => {
          const began = (globalThis as Record<symbol, unknown>)[Symbol.for(readingMark)];
          const type = document.contentType;
          return {
            type,
            // Chrome shows a feed in its tree view as HTML elements, its XML type kept: a feed all the same. XHTML is a page.
            html: document.documentElement instanceof HTMLElement && (!/[+/]xml$/.test(type) || type === 'application/xhtml+xml'),
            screened: Symbol.for(mark) in globalThis,
            reading: typeof began === 'number' && performance.now() - began < atMostMs,
          };
        },
        args: [STORY_MARKER, READING, READING_AT_MOST_MS],
        injectImmediately: true,
      })
      .then(
        ([frame]) => {
          answered = true;
          const result = frame?.result as { type?: unknown; html?: unknown; screened?: unknown; reading?: unknown } | undefined;
          const type = typeof result?.type === 'string' ? result.type : undefined;
          const reading = result?.reading === true;
          if (!live) return;
          setProbe({ url, loading, on, probe: { readable: true, type, html: result?.html !== false, screened: result?.screened !== false, reading } });
          const beginning = switchedOnAt.current !== undefined && Date.now() - switchedOnAt.current < REREADING_MS;
          if (reading || beginning) timer = setTimeout(() => setAgain((n) => n + 1), READING_POLL_MS);
        },
        () => {
          answered = true;
          if (live) setProbe({ url, loading, on, probe: { readable: false } });
        },
      );
    return () => {
      live = false;
      clearTimeout(timer);
      clearTimeout(waited);
    };
  }, [tabId, url, ask, loading, on, again, attempt]);
  // An answer about the page before is no answer about this one, nor one from before it was switched on about it now.
  const current = ask && probe !== undefined && probe.url === url && probe.loading === loading && probe.on === on ? probe.probe : undefined;
  const lookAgain = useCallback(() => {
    // "Loading…" again while it is looked into: the line that it did not answer would stay, as if the button did nothing.
    setProbe(undefined);
    setAttempt((n) => n + 1);
  }, []);
  return [current, lookAgain];
}
