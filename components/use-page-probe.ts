import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { STORY_MARKER } from '../extension/story-keys';

/**
 * What a look into the tab's page tells, when nothing was found there:
 * - not `readable`: the browser lets no extension script into it (Firefox's PDF
 *   viewer, the sites Firefox keeps extensions off), so it is never read;
 * - its MIME type: a PDF is shown by the browser's own viewer, where no content script runs;
 * - whether the script on every page ran there: it does not in a page opened
 *   before Backstory was allowed on the site, which the browser reads only once it loads again.
 * "None of this story’s names are on this page" would be a guess in each.
 */
export type PageProbe = { readable: false } | { readable: true; type: string | undefined; screened: boolean };

/**
 * Looks into the tab's top frame only when `ask` (nothing was found there), and
 * again once it has `loading` no more: a page reloaded from the popup. Undefined until known.
 */
export function usePageProbe(tabId: number | undefined, url: string | undefined, ask: boolean, loading: boolean): PageProbe | undefined {
  const [probe, setProbe] = useState<{ url: string; loading: boolean; probe: PageProbe }>();
  useEffect(() => {
    if (tabId === undefined || url === undefined || !ask) return;
    let live = true;
    browser.scripting
      .executeScript({
        target: { tabId },
        // Runs in the content-script world of the page, where the script on every page left its mark.
        func: (mark: string) => ({ type: document.contentType, screened: Symbol.for(mark) in globalThis }),
        args: [STORY_MARKER],
        injectImmediately: true,
      })
      .then(
        ([frame]) => {
          const result = frame?.result as { type?: unknown; screened?: unknown } | undefined;
          const type = typeof result?.type === 'string' ? result.type : undefined;
          if (live) setProbe({ url, loading, probe: { readable: true, type, screened: result?.screened !== false } });
        },
        () => live && setProbe({ url, loading, probe: { readable: false } }),
      );
    return () => {
      live = false;
    };
  }, [tabId, url, ask, loading]);
  // An answer about the page before is no answer about this one.
  return ask && probe !== undefined && probe.url === url && probe.loading === loading ? probe.probe : undefined;
}
