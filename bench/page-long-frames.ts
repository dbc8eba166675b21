/**
 * Long tasks and Long Animation Frames seen while a variant runs. Both only
 * report beyond 50 ms, so they confirm the trace's longest slice for slow
 * variants and stay silent for fast ones.
 */
export interface LongFrames {
  stop(): { longtaskMaxMs: number | null; loafMaxMs: number | null };
}

export function watchLongFrames(): LongFrames {
  const longest = { longtask: null as number | null, 'long-animation-frame': null as number | null };
  const supported = typeof PerformanceObserver === 'function' ? PerformanceObserver.supportedEntryTypes : [];
  const observers = (['longtask', 'long-animation-frame'] as const)
    .filter((type) => supported.includes(type))
    .map((type) => {
      const record = (entries: PerformanceEntryList) => {
        for (const entry of entries) longest[type] = Math.max(longest[type] ?? 0, entry.duration);
      };
      const observer = new PerformanceObserver((list) => record(list.getEntries()));
      observer.observe({ type, buffered: false });
      return { observer, record };
    });
  return {
    stop() {
      for (const { observer, record } of observers) {
        record(observer.takeRecords());
        observer.disconnect();
      }
      return { longtaskMaxMs: longest.longtask, loafMaxMs: longest['long-animation-frame'] };
    },
  };
}
