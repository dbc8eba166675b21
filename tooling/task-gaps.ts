/**
 * The longest wait between two of the page's own tasks, as a reader feels a
 * frozen tab: one long gap. Both functions run in the page (page.evaluate),
 * self-contained; the first starts the watch, once per page.
 */
export function watchTaskGapsInPage(): void {
  const w = window as unknown as { backstoryLongestGap?: number };
  if (w.backstoryLongestGap !== undefined) return;
  w.backstoryLongestGap = 0;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    w.backstoryLongestGap = Math.max(w.backstoryLongestGap!, now - last);
    last = now;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
}

/** The longest gap, in ms, since watchTaskGapsInPage. */
export function longestTaskGapInPage(): number {
  return (window as unknown as { backstoryLongestGap?: number }).backstoryLongestGap ?? 0;
}
