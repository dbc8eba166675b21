import { browser, type Browser } from 'wxt/browser';
import { readWhereNotRunning } from './read-page-now';

/**
 * Reads the open tabs of the sites the reader just let Backstory read, where its
 * script does not run yet: the browser runs it only in pages loaded after the
 * grant. The popup reloads its own tab once the browser's prompt answers, but a
 * toolbar popup the prompt closed never hears the answer. The pages are read in
 * place, not loaded again, so a tab the popup reloads is not reloaded twice: its
 * new page is asked once it is in, and the browser's own copy of the script is
 * found running there (background/read-page-now.ts).
 */
export async function readGrantedTabs(granted: Browser.permissions.Permissions): Promise<void> {
  const patterns = (granted.origins ?? []).map(matchPattern).filter((pattern) => pattern !== undefined);
  if (patterns.length === 0) return;
  const tabs = await browser.tabs.query({ discarded: false });
  await Promise.all(
    tabs.map(({ id, url }) => (id !== undefined && url && patterns.some((pattern) => pattern.test(url)) ? readWhereNotRunning(id) : undefined)),
  );
}

/** A match pattern as the browser reads it ("https://*.example.com/*", "<all_urls>"), for the addresses Backstory reads. */
export function matchPattern(pattern: string): RegExp | undefined {
  if (pattern === '<all_urls>') return /^(https?|file):/;
  const parts = /^(\*|https?|file):\/\/(\*|\*\.[^/*]+|[^/*]*)(\/.*)$/.exec(pattern);
  if (!parts) return undefined;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const schemes = scheme === '*' ? 'https?' : scheme;
  const hosts = host === '*' ? '[^/]*' : host.startsWith('*.') ? `(?:[^/]*\\.)?${escape(host.slice(2))}` : escape(host);
  // The port is no part of a pattern's host: "https://example.com/*" matches "https://example.com:8443/".
  return new RegExp(`^${schemes}://${hosts}(?::\\d+)?${path.split('*').map(escape).join('.*')}$`, 'i');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
