import { nextFrame, sleep } from './page-paint';

/**
 * Long tasks and Long Animation Frames seen while a variant runs. Both only
 * report beyond 50 ms, so they confirm the trace's longest slice for slow
 * variants and stay silent for fast ones.
 */
export interface LongFrames {
  stop(): Promise<{ longtaskMaxMs: number | null; loafMaxMs: number | null }>;
}

/**
 * How long after the frame that follows a long frame its entry may still be
 * on its way. Chromium 156 queued a frame's Long Animation Frame entry only
 * after the next frame's animation callbacks (0.3–0.5 ms after them, measured);
 * takeRecords() at the end of the run found none, so every run read null.
 */
export const LATE_ENTRY_MS = 50;

export function watchLongFrames(): LongFrames {
  const longest = { longtask: null as number | null, 'long-animation-frame': null as number | null };
  // Entries that start after the run's end are the page's, not the variant's.
  let end = Infinity;
  const supported = typeof PerformanceObserver === 'function' ? PerformanceObserver.supportedEntryTypes : [];
  const observers = (['longtask', 'long-animation-frame'] as const)
    .filter((type) => supported.includes(type))
    .map((type) => {
      const record = (entries: PerformanceEntryList) => {
        for (const entry of entries) if (entry.startTime < end) longest[type] = Math.max(longest[type] ?? 0, entry.duration);
      };
      const observer = new PerformanceObserver((list) => record(list.getEntries()));
      observer.observe({ type, buffered: false });
      return { observer, record };
    });
  return {
    async stop() {
      end = performance.now();
      await nextFrame();
      await nextFrame();
      await sleep(LATE_ENTRY_MS);
      for (const { observer, record } of observers) {
        record(observer.takeRecords());
        observer.disconnect();
      }
      return { longtaskMaxMs: longest.longtask, loafMaxMs: longest['long-animation-frame'] };
    },
  };
}
