/**
 * Whether the extension this script came with was unloaded since it started:
 * reloaded, updated, switched off or removed. Chrome leaves the scripts of an
 * unloaded extension running in the pages they were in, cut off from it (the
 * extension's id is gone from their API), beside the new load's copies: the
 * script on every page kept screening a page's changes, for good. Read lazily
 * and in idle time: the first touch of the extension API costs milliseconds.
 * Firefox takes an unloaded extension's scripts away, or has their API throw.
 */
export function extensionUnloaded(scope: object = globalThis): boolean {
  try {
    const { chrome, browser } = scope as { chrome?: { runtime?: { id?: string } }; browser?: { runtime?: { id?: string } } };
    return !(browser?.runtime?.id ?? chrome?.runtime?.id);
  } catch {
    return true;
  }
}
