/**
 * How Dexie tells, on opening the database, that the browser gives the background no IndexedDB at all:
 * - `InvalidStateError`: Firefox with "Never remember history" (permanent private browsing) refuses every
 *   database to an extension allowed to run there. Its request to open one fails with a DOMException
 *   InvalidStateError, "A mutation operation was attempted on a database that did not allow mutations." (as
 *   `deleteDatabase` and `databases()` do); Dexie's `open()` rejects with its own InvalidStateError (the
 *   DOMException its `inner`), every query after it with a DatabaseClosedError whose `inner` that is, and a
 *   transaction with an OpenFailedError. Seen in Firefox ESR 153; not in a private window of a profile that
 *   keeps history, whose extensions' background is not private.
 * - `MissingAPIError`: no IndexedDB here to open.
 * Not a failure to write in a database that opened (a full disk): the story stored before is kept then
 * (background/seed-story.ts), and the database is no less the place for it.
 */
const REFUSED = new Set(['InvalidStateError', 'MissingAPIError']);

export function isIndexedDbRefused(error: unknown): boolean {
  let cause = error;
  for (let depth = 0; typeof cause === 'object' && cause !== null && depth < 4; depth++) {
    if (REFUSED.has(String((cause as { name?: unknown }).name))) return true;
    cause = (cause as { inner?: unknown }).inner;
  }
  return false;
}
