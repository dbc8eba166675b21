// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ScriptContext } from '../extension/script-context';
import { listenForPageRequests } from './page-requests';
import { beginReading, endReading, markNamed } from './reading-mark';

type Listener = (raw: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean;

/** The card script's listener, with the notices it shows; `ask` sends it a request from the extension and resolves with the reply. */
function listening() {
  let listener: Listener | undefined;
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation(((added: Listener) => (listener = added)) as never);
  const ctx = new ScriptContext();
  const notices: string[] = [];
  const requests = listenForPageRequests(ctx, { notice: (kind) => notices.push(kind), cardForFrame: async () => false, cardAboveEvent: () => {} });
  const ask = (request: unknown) => new Promise<unknown>((reply) => listener!(request, { id: fakeBrowser.runtime.id }, reply));
  return { ask, notices, requests };
}

describe('what the card script answers the keyboard command', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    endReading();
    markNamed(false);
  });
  afterEach(() => vi.restoreAllMocks());

  it('says a page still being read is being read, not that it has no names', async () => {
    const { ask, notices } = listening();
    beginReading();
    await ask({ type: 'page/notice', notice: 'no-names' });
    endReading();
    await ask({ type: 'page/notice', notice: 'no-names' });
    expect(notices).toEqual(['reading', 'no-names']);
  });

  it('says the same once the reading found names after the press was decided on: the next press goes to them', async () => {
    const { ask, notices } = listening();
    markNamed(true);
    await ask({ type: 'page/notice', notice: 'no-names' });
    await ask({ type: 'page/notice', notice: 'round' });
    expect(notices).toEqual(['reading', 'round']);
  });

  it('answers that it is still reading where it has no name to go to yet, before the page script is there and after', async () => {
    const { ask, requests } = listening();
    beginReading();
    expect(await ask({ type: 'page/next-mention', wrap: false })).toEqual({ ok: true, revealed: false, reading: true });
    requests.answerNames(async () => ({ revealed: false }));
    expect(await ask({ type: 'page/next-mention', wrap: false })).toEqual({ ok: true, revealed: false, reading: true });
    endReading();
    expect(await ask({ type: 'page/next-mention', wrap: false })).toEqual({ ok: true, revealed: false });
    requests.answerNames(async () => ({ revealed: true }));
    beginReading();
    // A name found while the rest of the page is read is gone to at once.
    expect(await ask({ type: 'page/next-mention', wrap: false })).toEqual({ ok: true, revealed: true });
  });

  it('fails a request about names before the page script is there, once the page was read', async () => {
    const { ask } = listening();
    expect(await ask({ type: 'page/next-mention', wrap: false })).toEqual({ ok: false, error: 'Backstory has not read this page' });
  });
});
