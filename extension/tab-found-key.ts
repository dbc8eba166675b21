/**
 * Where the background keeps what a tab's frames found. Session storage outlives the
 * service worker (which may stop at any moment) but not the browser session, and only
 * extension pages can read it; the popup watches this key to update live.
 */
export function tabFoundKey(tabId: number): `session:${string}` {
  return `session:${TAB_FOUND}${tabId}`;
}

const TAB_FOUND = 'tabFound:';

/** The frame of a tab the keyboard command last revealed a name in. */
export function nextMentionFrameKey(tabId: number): `session:${string}` {
  return `session:nextMentionFrame:${tabId}`;
}

/** The tab a key of session storage (as a snapshot of the area names it) is about, if it is one of these. */
export function tabOfStoredKey(key: string): number | undefined {
  if (!key.startsWith(TAB_FOUND)) return undefined;
  const id = Number(key.slice(TAB_FOUND.length));
  return Number.isInteger(id) ? id : undefined;
}
