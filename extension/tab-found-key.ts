/**
 * Where the background keeps what a tab's frames found. Session storage outlives the
 * service worker (which may stop at any moment) but not the browser session, and only
 * extension pages can read it; the popup watches this key to update live.
 */
export function tabFoundKey(tabId: number): `session:${string}` {
  return `session:tabFound:${tabId}`;
}
