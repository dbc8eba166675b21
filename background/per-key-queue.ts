/**
 * Runs tasks for the same key one after another. Two frames of a tab report at
 * once often (a page and its iframes); each report reads, changes and writes the
 * tab's stored state, so unordered they would overwrite each other.
 * Only the ordering lives in memory: a stopped worker has no tasks to lose.
 */
export function createPerKeyQueue<K>() {
  const tails = new Map<K, Promise<void>>();
  return function run<T>(key: K, task: () => Promise<T>): Promise<T> {
    const result = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => {},
      () => {},
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
