/**
 * What `promise` gives, or undefined once `ms` have passed without it: a tab frozen, or whose page shows a dialog
 * (alert(), beforeunload), does not answer `scripting.executeScript` until it wakes, and a message must not wait on it.
 * The promise left behind goes on, its result unused.
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
