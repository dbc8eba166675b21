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
  return `session:${NEXT_MENTION_FRAME}${tabId}`;
}

const NEXT_MENTION_FRAME = 'nextMentionFrame:';

/**
 * The tab a key of session storage (as a snapshot of the area names it) is about, if it is one of these.
 * Both kinds: a tab whose frames never reported still keeps the shortcut's key once it was pressed there.
 */
export function tabOfStoredKey(key: string): number | undefined {
  const prefix = [TAB_FOUND, NEXT_MENTION_FRAME].find((kind) => key.startsWith(kind));
  if (prefix === undefined) return undefined;
  const id = Number(key.slice(prefix.length));
  return Number.isInteger(id) ? id : undefined;
}
