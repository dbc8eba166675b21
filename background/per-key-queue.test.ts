import { describe, expect, it } from 'vitest';
import { createPerKeyQueue } from './per-key-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('a queue per key', () => {
  it('runs the tasks of one key one after another, in order', async () => {
    const run = createPerKeyQueue<number>();
    const log: string[] = [];
    const slow = run(1, async () => {
      log.push('a start');
      await tick();
      log.push('a end');
    });
    const fast = run(1, async () => {
      log.push('b');
    });
    await Promise.all([slow, fast]);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('does not make other keys wait', async () => {
    const run = createPerKeyQueue<number>();
    const log: string[] = [];
    const slow = run(1, async () => {
      await tick();
      log.push('tab 1');
    });
    await run(2, async () => {
      log.push('tab 2');
    });
    await slow;
    expect(log).toEqual(['tab 2', 'tab 1']);
  });

  it('keeps going after a task fails, and hands the failure to its caller', async () => {
    const run = createPerKeyQueue<string>();
    await expect(run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run('k', async () => 'next')).resolves.toBe('next');
  });
});
