import { afterEach, describe, expect, it, vi } from 'vitest';
import { shownInFrame, Slice, yieldToPage } from './scheduler';

/** Every MessageChannel made while a test runs, and whether its ports were closed. */
function watchChannels() {
  const made: { closed: boolean }[] = [];
  const Native = globalThis.MessageChannel;
  vi.stubGlobal(
    'MessageChannel',
    class extends Native {
      constructor() {
        super();
        const record = { closed: false };
        made.push(record);
        const close = this.port1.close.bind(this.port1);
        this.port1.close = () => {
          record.closed = true;
          close();
        };
      }
    },
  );
  return made;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('yieldToPage', () => {
  it('lets a task already queued run before the work goes on', async () => {
    const order: string[] = [];
    const other = new MessageChannel();
    other.port1.onmessage = () => {
      order.push('page task');
      other.port1.close();
    };
    other.port2.postMessage(null);
    await yieldToPage();
    order.push('our next slice');
    expect(order).toEqual(['page task', 'our next slice']);
  });

  it('goes on with the yields in the order they were asked', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => yieldToPage().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('posts the slices of a run on one channel, and closes it once no slice waits', async () => {
    const made = watchChannels();
    for (let slice = 0; slice < 50; slice++) await yieldToPage();
    expect(made).toHaveLength(1);
    // The last slice is back: nothing waits, so no port stays open on the page.
    await Promise.resolve();
    expect(made[0]!.closed).toBe(true);

    // The next run of work gets a channel of its own.
    await yieldToPage();
    expect(made).toHaveLength(2);
  });

  it('keeps the channel open while two runs of work take turns', async () => {
    const made = watchChannels();
    const order: string[] = [];
    const run = async (name: string) => {
      for (let slice = 0; slice < 3; slice++) {
        order.push(name);
        await yieldToPage();
      }
    };
    await Promise.all([run('scan'), run('count')]);
    expect(order).toEqual(['scan', 'count', 'scan', 'count', 'scan', 'count']);
    expect(made).toHaveLength(1);
  });
});

/** A document whose frames come when the test says: `frame()` runs the frame's callbacks. */
function documentWithFrames(visibilityState: DocumentVisibilityState) {
  const callbacks = new Map<number, FrameRequestCallback>();
  let next = 0;
  const view = {
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
    requestAnimationFrame: (callback: FrameRequestCallback) => {
      callbacks.set(++next, callback);
      return next;
    },
    cancelAnimationFrame: (id: number) => callbacks.delete(id),
  };
  const doc = { visibilityState, defaultView: view } as unknown as Document;
  const frame = (work?: () => void) => {
    for (const callback of callbacks.values()) callback(performance.now());
    callbacks.clear();
    work?.();
  };
  return { doc, frame, asked: () => next };
}

describe('shownInFrame', () => {
  it('goes on after the next frame, and after what that frame set going: the paint comes before our next slice', async () => {
    const { doc, frame } = documentWithFrames('visible');
    const order: string[] = [];
    const shown = shownInFrame(doc).then(() => order.push('our next slice'));
    await yieldToPage();
    expect(order).toEqual([]);
    // A task queued while the frame runs (its paint, in the browser) goes before the work waiting for it.
    const paint = new MessageChannel();
    paint.port1.onmessage = () => {
      order.push('after the frame');
      paint.port1.close();
    };
    frame(() => paint.port2.postMessage(null));
    await shown;
    expect(order).toEqual(['after the frame', 'our next slice']);
  });

  it('asks a hidden tab for no frame, which would never come, and only yields', async () => {
    const { doc, asked } = documentWithFrames('hidden');
    await shownInFrame(doc);
    expect(asked()).toBe(0);
  });

  it('goes on after 100 ms where no frame comes (an embedded frame out of view)', async () => {
    // Only the timers: the yield that follows the wait goes through a MessageChannel, which must stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { doc, asked } = documentWithFrames('visible');
    let settled = false;
    void shownInFrame(doc).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(99);
    // A yield asked once the timers' callbacks have run comes back after the wait's own: had the wait ended, the work would have gone on by now.
    await yieldToPage();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await yieldToPage();
    expect(settled).toBe(true);
    expect(asked()).toBe(1);
  });
});

/** A clock the test moves: work done at `perMs` units a millisecond, with the number of looks at it. */
function pacedClock() {
  let now = 1000;
  let reads = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => {
    reads++;
    return now;
  });
  return {
    work(units: number, perMs: number) {
      now += units / perMs;
    },
    get now() {
      return now;
    },
    get reads() {
      return reads;
    },
  };
}

describe('Slice', () => {
  afterEach(() => vi.restoreAllMocks());

  it('ends a slice of cold code near its deadline: the first scan of a short article is not one long task', () => {
    const clock = pacedClock();
    const slice = new Slice();
    slice.begin(3);
    const started = clock.now;
    // Interpreted code, the first time it runs: about 270 characters a millisecond (the demo article's first scan).
    let spent = false;
    while (!spent && clock.now - started < 100) {
      clock.work(40, 270);
      spent = slice.spent(40);
    }
    expect(spent).toBe(true);
    expect(clock.now - started).toBeLessThan(4);
  });

  it('looks at the clock seldom once the code runs fast', () => {
    const clock = pacedClock();
    const slice = new Slice();
    slice.begin(3);
    clock.work(300, 270);
    slice.spent(300);
    // Warm: 4 MiB read at 40,000 characters a millisecond, in blocks of 200, the slices begun as the scan begins them.
    const before = clock.reads;
    let read = 0;
    while (read < 4 * 1024 * 1024) {
      clock.work(200, 40_000);
      read += 200;
      if (slice.spent(200)) slice.begin(8);
    }
    expect(clock.reads - before).toBeLessThan((4 * 1024 * 1024) / 4096 + 200);
  });

  it('sees a slice over on a coarse clock that reads no time passing between two looks', () => {
    const clock = pacedClock();
    const slice = new Slice();
    slice.begin(8);
    const started = clock.now;
    let spent = false;
    while (!spent) {
      // Work the clock does not see until a whole 8 ms step has passed.
      clock.work(4096, 1000);
      spent = slice.spent(4096);
    }
    expect(clock.now - started).toBeLessThanOrEqual(9);
  });
});
