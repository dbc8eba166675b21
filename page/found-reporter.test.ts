import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { foundReport, throttledReporter, type ReporterTimers } from './found-reporter';

describe('throttledReporter', () => {
  let clock = 0;
  const timers = (): ReporterTimers & { invalid: boolean } => ({
    invalid: false,
    get isInvalid() {
      return this.invalid;
    },
    setTimeout: (handler, ms) => setTimeout(handler, ms) as unknown as number,
  });

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  const advance = async (ms: number) => {
    clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('sends the first counts of a freshly loaded page at once, not after the interval', async () => {
    const sent: string[] = [];
    // A page 40 ms after its time origin: the first report must not wait for the interval to pass since then.
    clock = 40;
    const report = throttledReporter((counts: string) => sent.push(counts), timers(), 500, () => clock);
    report('putin');
    await advance(0);
    expect(sent).toEqual(['putin']);
  });

  it('coalesces the burst after a send into one send of the latest counts, an interval later', async () => {
    const sent: string[] = [];
    const report = throttledReporter((counts: string) => sent.push(counts), timers(), 500, () => clock);
    report('a');
    await advance(0);
    report('b');
    report('c');
    await advance(499);
    expect(sent).toEqual(['a']);
    report('d');
    await advance(1);
    expect(sent).toEqual(['a', 'd']);
    // Quiet for longer than the interval: the next change goes at once again.
    await advance(2000);
    report('e');
    await advance(0);
    expect(sent).toEqual(['a', 'd', 'e']);
  });

  it('sends nothing once the extension was reloaded under the page', async () => {
    const sent: string[] = [];
    const context = timers();
    const report = throttledReporter((counts: string) => sent.push(counts), context, 500, () => clock);
    context.invalid = true;
    report('a');
    await advance(1000);
    expect(sent).toEqual([]);
  });
});

describe('foundReport', () => {
  it('sends an address of a few hundred characters, without its fragment, for a single-page app’s 2 MB one', () => {
    const href = `https://app.example/state?${'x'.repeat(2_000_000)}#section`;
    const report = foundReport(new Map([['john-kirby', 2]]), href, 1234.5);
    expect(report.url.length).toBeLessThanOrEqual(512);
    expect(report.url.startsWith('https://app.example/state?x')).toBe(true);
    expect(report).toMatchObject({ type: 'tab/found', since: 1234.5, counts: { 'john-kirby': 2 } });
  });

  it('sends an ordinary address whole, less its fragment', () => {
    expect(foundReport(new Map(), 'https://news.example/a?id=1#comments', 0).url).toBe('https://news.example/a?id=1');
  });
});
