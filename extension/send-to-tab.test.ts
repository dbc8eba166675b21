import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CARD_MARKER, CARD_SCRIPT, CARD_START_KEY } from './card-keys';
import { importScript } from './import-script';
import { sendToCardScript, sendToTab } from './send-to-tab';

describe('sending a request into a tab', () => {
  let inject: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    // The frame answers that the card script is there (already, or imported then): no file is injected.
    inject = vi.fn(async () => [{ frameId: 0, documentId: 'd', result: true }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: inject };
  });

  it('asks the top frame and hands back its validated reply', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, revealed: true });
    expect(await sendToTab(5, { type: 'page/reveal', entityId: 'north-korea' })).toEqual({ ok: true, revealed: true });
    expect(send).toHaveBeenCalledWith(5, { type: 'page/reveal', entityId: 'north-korea' }, { frameId: 0 });
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('puts the card script into the top frame first when it is not there yet', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, revealed: false });
    await sendToTab(5, { type: 'page/next-mention' });
    // Imported as a module unless its marker is set, in one call, and waited on until it has started.
    expect(inject.mock.calls).toEqual([[{ target: { tabId: 5, frameIds: [0] }, func: importScript, args: [CARD_SCRIPT, CARD_MARKER, CARD_START_KEY] }]]);
    expect(inject.mock.invocationCallOrder.at(-1)!).toBeLessThan(send.mock.invocationCallOrder[0]!);
  });

  it('to a frame whose card script asked, sends without putting the card script there first', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    expect(await sendToCardScript(5, { type: 'page/card-above-event', event: 'closed', ask: 2 }, 3)).toEqual({ ok: true });
    expect(send).toHaveBeenCalledWith(5, { type: 'page/card-above-event', event: 'closed', ask: 2 }, { frameId: 3 });
    expect(inject).not.toHaveBeenCalled();
  });

  it('gives an error reply when the page cannot take scripts (a browser page)', async () => {
    inject.mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    expect(await sendToTab(5, { type: 'page/next-mention' })).toEqual({ ok: false, error: 'Cannot access a chrome:// URL' });
  });

  it('passes on an error reply', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: false, error: 'No such entity' });
    expect(await sendToTab(5, { type: 'page/next-mention' })).toEqual({ ok: false, error: 'No such entity' });
  });

  it('turns a malformed reply into an error', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, revealed: 'yes' });
    expect(await sendToTab(5, { type: 'page/next-mention' })).toMatchObject({ ok: false, error: expect.stringMatching(/Malformed reply to page\/next-mention/) });
  });

  it('never throws, even for a tab without our content script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await sendToTab(5, { type: 'page/next-mention' })).toEqual({
      ok: false,
      error: 'Could not establish connection. Receiving end does not exist.',
    });
  });
});
