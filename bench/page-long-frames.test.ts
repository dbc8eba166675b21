import { afterEach, describe, expect, it, vi } from 'vitest';
import { LATE_ENTRY_MS, watchLongFrames } from './page-long-frames';

type Deliver = (entries: { startTime: number; duration: number }[]) => void;

/** A PerformanceObserver whose entries the test delivers, as late as Chromium does. */
function fakeObservers(): Map<string, Deliver> {
  const deliver = new Map<string, Deliver>();
  class FakeObserver {
    static supportedEntryTypes = ['longtask', 'long-animation-frame'];
    constructor(private readonly callback: (list: { getEntries: () => unknown[] }) => void) {}
    observe({ type }: { type: string }) {
      deliver.set(type, (entries) => this.callback({ getEntries: () => entries }));
    }
    takeRecords() {
      return [];
    }
    disconnect() {}
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  vi.stubGlobal('requestAnimationFrame', (callback: (time: number) => void) => setTimeout(() => callback(performance.now()), 16));
  return deliver;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('watchLongFrames', () => {
  it('waits for the entries the browser delivers after the run’s last frame, and keeps only those that began in the run', async () => {
    vi.useFakeTimers();
    const deliver = fakeObservers();
    const watch = watchLongFrames();
    deliver.get('longtask')!([{ startTime: performance.now() - 700, duration: 651 }]);
    const stopped = watch.stop();
    // The frame that held the long task reported after the next frame, while stop() waits.
    await vi.advanceTimersByTimeAsync(40);
    deliver.get('long-animation-frame')!([{ startTime: performance.now() - 740, duration: 700 }]);
    // The page's own frame after the run is not the variant's.
    deliver.get('long-animation-frame')!([{ startTime: performance.now() + 10, duration: 900 }]);
    await vi.advanceTimersByTimeAsync(LATE_ENTRY_MS);
    await expect(stopped).resolves.toEqual({ longtaskMaxMs: 651, loafMaxMs: 700 });
  });

  it('reports none when nothing was over 50 ms', async () => {
    vi.useFakeTimers();
    fakeObservers();
    const stopped = watchLongFrames().stop();
    await vi.advanceTimersByTimeAsync(100);
    await expect(stopped).resolves.toEqual({ longtaskMaxMs: null, loafMaxMs: null });
  });
});
