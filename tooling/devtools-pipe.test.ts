import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PipeConnection } from './devtools-pipe';

/** A connection whose other end is the test: what it writes, and a way to answer. */
function connected() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const written: unknown[] = [];
  toBrowser.setEncoding('utf8');
  toBrowser.on('data', (chunk: string) => {
    for (const message of chunk.split('\0').filter(Boolean)) written.push(JSON.parse(message));
  });
  return { connection: new PipeConnection(toBrowser, fromBrowser), written, answer: (raw: string) => fromBrowser.write(raw) };
}

describe('the DevTools protocol over a pipe', () => {
  it('writes each command as JSON ended by a NUL, and resolves it with the answer of the same id', async () => {
    const { connection, written, answer } = connected();
    const first = connection.send('Target.getTargets');
    const second = connection.send('Page.enable', {}, 'session-1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual([
      { id: 1, method: 'Target.getTargets', params: {} },
      { id: 2, method: 'Page.enable', params: {}, sessionId: 'session-1' },
    ]);
    // Two answers in one chunk, the later one first, the last one cut in two.
    answer('{"id":2,"result":{}}\0{"id":1,"res');
    answer('ult":{"targetInfos":[]}}\0');
    await expect(first).resolves.toEqual({ targetInfos: [] });
    await expect(second).resolves.toEqual({});
  });

  it('rejects a command the browser refused, with its message', async () => {
    const { connection, answer } = connected();
    const refused = connection.send('Page.navigate', { url: 'nowhere' });
    answer('{"id":1,"error":{"code":-32000,"message":"Cannot navigate to invalid URL"}}\0');
    await expect(refused).rejects.toThrow('Cannot navigate to invalid URL');
  });

  it('hands events to whoever waits for them, and to listeners until they stop', async () => {
    const { connection, answer } = connected();
    const seen: string[] = [];
    const stop = connection.listen((m) => seen.push(m.method!));
    const loaded = connection.waitFor((m) => m.method === 'Page.loadEventFired' && m.sessionId === 'a', 1_000, 'load');
    answer('{"method":"Page.loadEventFired","sessionId":"b","params":{}}\0{"method":"Page.loadEventFired","sessionId":"a","params":{}}\0');
    await expect(loaded).resolves.toMatchObject({ sessionId: 'a' });
    stop();
    answer('{"method":"Tracing.tracingComplete","params":{}}\0');
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['Page.loadEventFired', 'Page.loadEventFired']);
  });

  it('gives up waiting for an event that does not come', async () => {
    const { connection } = connected();
    await expect(connection.waitFor(() => false, 10, 'the load of a page')).rejects.toThrow('the load of a page: not seen in 0.01 s');
  });
});
