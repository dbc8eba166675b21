import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { escapeToFrame } from './escape-relay';

afterEach(() => vi.restoreAllMocks());

describe('Escape passed on to the frame whose card is open', () => {
  it('closes the card of that frame alone, and not where the key was pressed in that frame itself, which heard it', async () => {
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, revealed: false } as never);
    await escapeToFrame(7, 0, 3);
    await escapeToFrame(7, 3, 3);
    expect(send.mock.calls).toEqual([[7, { type: 'page/close-card' }, { frameId: 3 }]]);
  });

  it('is no failure where the frame, or its card script, is gone', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(escapeToFrame(7, 0, 3)).resolves.toBeUndefined();
  });
});
