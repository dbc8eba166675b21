import type { CDPSession, Page } from '@playwright/test';
import type { TraceEvent } from './busy-time';

export interface Trace {
  stop(): Promise<TraceEvent[]>;
}

/**
 * A Chromium trace of `categories`; by default task boundaries and performance
 * marks only: enough to measure main-thread time and slices, little enough not
 * to slow the page.
 */
export async function startTrace(page: Page, categories: readonly string[] = ['toplevel', 'blink.user_timing']): Promise<Trace> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // The protocol types the events as string maps; they hold numbers (ts, dur, pid).
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: [...categories], excludedCategories: ['*'], recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
      await session.send('Tracing.end');
      await complete;
      await session.detach();
      return events;
    },
  };
}
