import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToPage } from './scheduler';

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
