import { afterEach, describe, expect, it, vi } from 'vitest';
import { within } from './within';

describe('waiting at most a while', () => {
  afterEach(() => vi.useRealTimers());

  it('gives what comes in time', async () => {
    expect(await within(Promise.resolve(7), 1000)).toBe(7);
  });

  it('gives undefined for what has not come by then, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const waited = within(new Promise(() => {}), 1000);
    let settled = false;
    void waited.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await waited).toBeUndefined();
    await within(Promise.resolve(1), 1000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes on a failure that comes in time', async () => {
    await expect(within(Promise.reject(new Error('No tab')), 1000)).rejects.toThrow('No tab');
  });
});
