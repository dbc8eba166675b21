import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The match pattern for every page of `url`'s host, or undefined for a page that is not on the web. */
function sitePattern(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the browser lets Backstory read the tab's site: Chrome's "Site
 * access" may be "On click" or a list of sites, and Firefox lets the reader
 * withdraw an extension's access to sites. Where it may not, the page was never
 * read, so the popup must not say nobody is mentioned there. Also returns how to
 * ask the reader for access (from a click: browsers ask only then), after which
 * the tab is loaded again to be read. Undefined until known, and for pages not on the web.
 */
export function useSiteAccess(url: string | undefined, tabId: number | undefined): [boolean | undefined, () => void] {
  const pattern = sitePattern(url);
  const [allowed, setAllowed] = useState<boolean>();
  useEffect(() => {
    if (!pattern) return;
    let live = true;
    const check = () =>
      browser.permissions.contains({ origins: [pattern] }).then(
        (value) => live && setAllowed(value),
        // Not known: the list says what was found, as for any page.
        () => live && setAllowed(true),
      );
    void check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [pattern]);
  const request = useCallback(() => {
    if (!pattern) return;
    void browser.permissions.request({ origins: [pattern] }).then(
      (granted) => {
        if (granted && tabId !== undefined) void browser.tabs.reload(tabId);
      },
      () => undefined,
    );
  }, [pattern, tabId]);
  return [pattern ? allowed : undefined, request];
}
