/**
 * Which pages Backstory can run on, and the "site" an "Off on this site" choice
 * applies to. Pure string work so the popup and tests share one answer.
 */

/** Web stores where browsers never run extensions' content scripts. */
const STORE_PAGES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore\b/,
  /^https:\/\/addons\.mozilla\.org\//,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons\b/,
];

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Whether the content script can run on `url` at all (not on chrome://, about:, stores…). */
export function canAnnotate(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'file:') return true;
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !STORE_PAGES.some((store) => store.test(url));
}

/** The hostname "Off on this site" applies to; only web pages have one. */
export function siteOf(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || !canAnnotate(url) || parsed.protocol === 'file:' || !parsed.hostname) return undefined;
  return parsed.hostname;
}

/**
 * Whether a URL change leaves the reader on the same view: only the fragment
 * moved (a table of contents, a footnote, a scroll-spy rewriting the hash).
 * Then nothing on the page is new and nothing is read again.
 */
export function isSameView(from: URL, to: URL): boolean {
  return from.origin === to.origin && from.pathname === to.pathname && from.search === to.search;
}
