/**
 * Chromium with the built extension, driven over the DevTools protocol
 * without a session on any page's V8: for the figures that only need a trace.
 *
 * Playwright enables the Runtime domain in every page it knows of, and with an
 * inspector session V8 records a detailed stack trace for every Error object
 * created. React DOM creates a few at its module's top level (sentinels it
 * throws later); for each, V8 reparses every function on the stack to find
 * source positions, the bundle's whole top level among them: 45–60 ms added
 * to the card script's evaluation, which no reader's browser pays. Here the
 * trace is recorded from the browser's own session; a page is only watched,
 * through the Page domain alone, for its load event.
 */
import { launchOverPipe } from '../tooling/devtools-pipe';
import type { TraceEvent } from './busy-time';

const COMMAND_TIMEOUT_MS = 120_000;
const LOAD_TIMEOUT_MS = 120_000;

export interface Tab {
  /** Loads `url` in this tab and resolves once its load event fired. */
  navigate(url: string): Promise<void>;
  close(): Promise<void>;
}

export interface UninspectedChromium {
  extensionId: string;
  /** A new tab, its first page loaded: a renderer of its own, which has compiled nothing yet. */
  open(url: string): Promise<Tab>;
  /** Every process's events in `categories` while `during` runs. */
  trace(categories: readonly string[], during: () => Promise<void>): Promise<TraceEvent[]>;
  quit(): Promise<void>;
}

/** Chromium with the extension in `extensionDir`, in a fresh profile deleted on quit; only 127.0.0.1 resolves. */
export async function launchUninspected(extensionDir: string): Promise<UninspectedChromium> {
  const { connection, extensionId, quit } = await launchOverPipe(extensionDir);
  try {
    return {
      extensionId,
      async open(url) {
        const { targetId } = (await connection.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
        const { sessionId } = (await connection.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
        // The Page domain only: Runtime (or Debugger) would start V8's inspector, which this browser is for avoiding.
        await connection.send('Page.enable', {}, sessionId);
        const tab: Tab = {
          async navigate(next) {
            const loaded = connection.waitFor((m) => m.sessionId === sessionId && m.method === 'Page.loadEventFired', LOAD_TIMEOUT_MS, `the load of ${next}`);
            const { errorText } = (await connection.send('Page.navigate', { url: next }, sessionId)) as { errorText?: string };
            if (errorText) {
              loaded.catch(() => {});
              throw new Error(`${next}: ${errorText}`);
            }
            await loaded;
          },
          async close() {
            await connection.send('Target.closeTarget', { targetId });
          },
        };
        await tab.navigate(url);
        return tab;
      },
      async trace(categories, during) {
        const events: TraceEvent[] = [];
        const stop = connection.listen((m) => {
          if (m.method === 'Tracing.dataCollected') events.push(...(m.params!.value as TraceEvent[]));
        });
        try {
          await connection.send('Tracing.start', {
            traceConfig: { includedCategories: [...categories], excludedCategories: ['*'], recordMode: 'recordAsMuchAsPossible' },
            transferMode: 'ReportEvents',
          });
          try {
            await during();
          } finally {
            const complete = connection.waitFor((m) => m.method === 'Tracing.tracingComplete', COMMAND_TIMEOUT_MS, 'the end of the trace');
            await connection.send('Tracing.end');
            await complete;
          }
          return events;
        } finally {
          stop();
        }
      },
      quit,
    };
  } catch (error) {
    await quit();
    throw error;
  }
}
