import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { onCommand } from './next-mention-command';

describe('the next-mention keyboard command', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    // The card script, which answers page commands, is already in the page.
    const executeScript = vi.fn(async () => [{ frameId: 0, documentId: 'd', result: true }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  });

  it('asks the tab it was pressed in for its next mention', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, revealed: true });
    await onCommand('next-mention', { id: 12 } as Browser.tabs.Tab);
    expect(send).toHaveBeenCalledWith(12, { type: 'page/next-mention' }, { frameId: 0 });
  });

  it('falls back to the active tab when the browser names none', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 } as Browser.tabs.Tab]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, revealed: false });
    await onCommand('next-mention');
    expect(send).toHaveBeenCalledWith(4, { type: 'page/next-mention' }, { frameId: 0 });
  });

  it('does nothing, quietly, on a page without our content script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    await expect(onCommand('next-mention', { id: 12 } as Browser.tabs.Tab)).resolves.toBeUndefined();
  });

  it('ignores other commands', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    await onCommand('_execute_action', { id: 12 } as Browser.tabs.Tab);
    expect(send).not.toHaveBeenCalled();
  });
});
