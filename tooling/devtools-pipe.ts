/**
 * Chromium with the built extension, driven over the DevTools protocol on the
 * pipe it opens, with no session on any page unless one is asked for. A
 * Playwright session changes what it inspects: it enables the Runtime domain in
 * every page (V8 then records a detailed stack for every Error created, which
 * costs a bundle's whole top level to be parsed again), and Chromium
 * prerenders no page while it is attached (PrerenderingDisabledByDevTools).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { findChromium } from './find-browser';
import { extensionFlags } from './launch-extension';

const LAUNCH_TIMEOUT_MS = 30_000;
const COMMAND_TIMEOUT_MS = 120_000;

export interface DevToolsMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** The DevTools protocol over the pipe Chromium opens on file descriptors 3 and 4: messages are JSON, each ended by a NUL. */
export class PipeConnection {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (m: DevToolsMessage) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(m: DevToolsMessage) => void>();
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
        const message = JSON.parse(this.buffered.slice(0, end)) as DevToolsMessage;
        this.buffered = this.buffered.slice(end + 1);
        this.dispatch(message);
      }
    });
  }

  private dispatch(message: DevToolsMessage): void {
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
  waitFor(matches: (m: DevToolsMessage) => boolean, timeoutMs: number, what: string): Promise<DevToolsMessage> {
    return new Promise((resolve, reject) => {
      const listener = (m: DevToolsMessage) => {
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

  listen(listener: (m: DevToolsMessage) => void): () => void {
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

export interface PipedChromium {
  connection: PipeConnection;
  extensionId: string;
  /** A new tab loading `url`, with no session on it: its target's id. */
  openTab(url: string): Promise<string>;
  /**
   * The value of `expression` in the target's main world (a page, the extension's service worker: `workerTarget`), awaited.
   * A session is attached to the target at the first call, and stays: from then on, that tab prerenders nothing.
   */
  evaluate(targetId: string, expression: string): Promise<unknown>;
  /** The target of the extension's service worker, as it runs now. */
  workerTarget(): Promise<string>;
  /** Closes the browser and deletes its profile. */
  quit(): Promise<void>;
}

/** Chromium with the extension in `extensionDir`, in a fresh profile deleted on quit; only 127.0.0.1 resolves. */
export async function launchOverPipe(extensionDir: string): Promise<PipedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-piped-'));
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
  const sessions = new Map<string, Promise<string>>();
  const sessionOf = (targetId: string) => {
    let session = sessions.get(targetId);
    if (!session) {
      session = connection.send('Target.attachToTarget', { targetId, flatten: true }).then((r) => r.sessionId as string);
      sessions.set(targetId, session);
    }
    return session;
  };
  try {
    const extensionId = await extensionIdOf(connection);
    return {
      connection,
      extensionId,
      openTab: async (url) => (await connection.send('Target.createTarget', { url })).targetId as string,
      async evaluate(targetId, expression) {
        const reply = await connection.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, await sessionOf(targetId));
        const thrown = reply.exceptionDetails as { exception?: { description?: string }; text?: string } | undefined;
        if (thrown) throw new Error(`${expression}: ${thrown.exception?.description ?? thrown.text}`);
        return (reply.result as { value?: unknown }).value;
      },
      async workerTarget() {
        const { targetInfos } = (await connection.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
        const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
        if (!worker) throw new Error("The extension's service worker is not running");
        return worker.targetId;
      },
      quit,
    };
  } catch (error) {
    await quit();
    throw error;
  }
}
