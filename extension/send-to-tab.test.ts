import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { sendToTab } from './send-to-tab';

describe('sending a request into a tab', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('asks the top frame and hands back its validated reply', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, revealed: true });
    expect(await sendToTab(5, { type: 'page/reveal', entityId: 'north-korea' })).toEqual({ ok: true, revealed: true });
    expect(send).toHaveBeenCalledWith(5, { type: 'page/reveal', entityId: 'north-korea' }, { frameId: 0 });
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
