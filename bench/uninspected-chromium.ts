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
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { findChromium } from '../tooling/find-browser';
import { extensionFlags } from '../tooling/launch-extension';
import type { TraceEvent } from './busy-time';

const LAUNCH_TIMEOUT_MS = 30_000;
const COMMAND_TIMEOUT_MS = 120_000;
const LOAD_TIMEOUT_MS = 120_000;

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

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

/** The DevTools protocol over the pipe Chromium opens on file descriptors 3 and 4: messages are JSON, each ended by a NUL. */
export class PipeConnection {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(m: Message) => void>();
  private buffered = '';

  constructor(
    private readonly out: Writable,
    incoming: Readable,
  ) {
    incoming.setEncoding('utf8');
    incoming.on('data', (chunk: string) => {
      this.buffered += chunk;
      let end: number;
      while ((end = this.buffered.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffered.slice(0, end)) as Message;
        this.buffered = this.buffered.slice(end + 1);
        this.dispatch(message);
      }
    });
  }

  private dispatch(message: Message): void {
    const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
    if (waiting) {
      this.pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${COMMAND_TIMEOUT_MS / 1000} s`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m.result ?? {});
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.out.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** Resolves with the first event that `matches`, or rejects after `timeoutMs`. */
  waitFor(matches: (m: Message) => boolean, timeoutMs: number, what: string): Promise<Message> {
    return new Promise((resolve, reject) => {
      const listener = (m: Message) => {
        if (!matches(m)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(m);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`${what}: not seen in ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  listen(listener: (m: Message) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

async function extensionIdOf(connection: PipeConnection): Promise<string> {
  const worker = /^chrome-extension:\/\/([a-p]{32})\//;
  const deadline = Date.now() + LAUNCH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { targetInfos } = (await connection.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    const found = targetInfos.find((t) => t.type === 'service_worker' && worker.test(t.url));
    if (found) return worker.exec(found.url)![1]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The extension's service worker did not start in ${LAUNCH_TIMEOUT_MS / 1000} s`);
}

/** Chromium with the extension in `extensionDir`, in a fresh profile deleted on quit; only 127.0.0.1 resolves. */
export async function launchUninspected(extensionDir: string): Promise<UninspectedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-uninspected-'));
  const child: ChildProcess = spawn(
    findChromium(),
    [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      ...extensionFlags(extensionDir),
      // As Playwright launches it, so the figures compare with the other runs.
      '--no-sandbox',
      '--window-size=1280,800',
      // Saved pages link to images and styles elsewhere: those requests fail at once, offline or not.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const connection = new PipeConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const quit = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.send('Browser.close').catch(() => child.kill('SIGKILL'));
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const extensionId = await extensionIdOf(connection);
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
