import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { onCommand } from './next-mention-command';
import { framePathInFrame } from './frame-paths';
import { readerFocusInFrame } from './reader-frame';
import { writeTabFound } from './tab-found';
import { updateSettings } from '../extension/settings-store';

const PAGE = 'https://news.example/story';

/**
 * Frames as the page code answers the command: each walks its own shown
 * mentions, `fromStart` from its first, and without `wrap` answers
 * `revealed: false` past its last one.
 */
function pageWithFrames(mentions: Record<number, number>) {
  const at = new Map<number, number>();
  const log: string[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, request: Record<string, unknown>, options: { frameId: number }) => {
    const frame = options.frameId;
    if (request.type === 'page/close-card') {
      log.push(`close ${frame}`);
      return { ok: true };
    }
    if (request.type === 'page/notice') {
      log.push(`notice ${frame}: ${String(request.notice)}`);
      return { ok: true };
    }
    const count = mentions[frame] ?? 0;
    const next = request.fromStart ? 0 : (at.get(frame) ?? -1) + 1;
    const index = next < count ? next : request.wrap === false ? -1 : count > 0 ? 0 : -1;
    if (index < 0) return { ok: true, revealed: false };
    at.set(frame, index);
    log.push(`${frame}:${index}`);
    return { ok: true, revealed: true };
  }) as never);
  places = at;
  return log;
}

let places = new Map<number, number>();
/** The reader moving within a frame: the index of the name the frame then goes on after. */
const readerAfter = (frame: number, index: number) => places.set(frame, index);

async function found(tabId: number, frames: Record<number, number>, topUrl = PAGE) {
  await writeTabFound(
    tabId,
    Object.fromEntries(
      Object.entries(frames).map(([id, count]) => [id, { url: id === '0' ? topUrl : 'https://embed.example/', topUrl, counts: { 'north-korea': count } }]),
    ),
  );
}

/** Where the reader is, as each frame answers the command's probe (or the probe's failure); other scripts go in as before. */
function readerIn(answers: Record<number, string | { cardOf: number }> | Error) {
  const scripting = (fakeBrowser as unknown as { scripting: { executeScript: ReturnType<typeof vi.fn> } }).scripting;
  scripting.executeScript.mockImplementation(async (options: { func?: unknown; target: { frameIds?: number[] } }) => {
    if (options.func !== readerFocusInFrame) return [{ frameId: 0, documentId: 'd', result: true }];
    if (answers instanceof Error) throw answers;
    return (options.target.frameIds ?? []).map((frameId) => ({ frameId, documentId: `d${frameId}`, result: answers[frameId] }));
  });
}

const press = async (times: number, tab = { id: 12, url: PAGE } as Browser.tabs.Tab) => {
  for (let i = 0; i < times; i++) await onCommand('next-mention', tab);
};

describe('the next-mention keyboard command', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    // The card script, which answers page commands, is already in the page.
    const executeScript = vi.fn(async () => [{ frameId: 0, documentId: 'd', result: true }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  });

  it('walks the names of the page, and round again, telling the reader it went round', async () => {
    await found(12, { 0: 2 });
    const log = pageWithFrames({ 0: 2 });
    await press(3);
    expect(log).toEqual(['0:0', '0:1', '0:0', 'notice 0: round']);
  });

  it('reaches names only an embedded frame shows; the notice is the top frame’s to show', async () => {
    await found(12, { 5: 2 });
    const log = pageWithFrames({ 5: 2 });
    await press(3);
    expect(log).toEqual(['5:0', '5:1', '5:0', 'notice 0: round']);
  });

  it('goes from the page’s last name to the frame’s first, closing the card it leaves, and back', async () => {
    await found(12, { 0: 2, 5: 1 });
    const log = pageWithFrames({ 0: 2, 5: 1 });
    await press(4);
    expect(log).toEqual(['0:0', '0:1', '5:0', 'close 0', '0:0', 'close 5', 'notice 0: round']);
  });

  it('on a page without names, tells the reader so, and walks nothing', async () => {
    const log = pageWithFrames({ 0: 0 });
    await press(2);
    expect(log).toEqual(['notice 0: no-names', 'notice 0: no-names']);
  });

  it('on a page still being read, says so, not that it has no names; and where its first name came as the walk went round, says nothing of going round', async () => {
    const log: string[] = [];
    let shown = 0;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, request: Record<string, unknown>) => {
      if (request.type === 'page/notice') {
        log.push(`notice: ${String(request.notice)}`);
        return { ok: true };
      }
      if (request.type !== 'page/next-mention') return { ok: true };
      // The first press finds none, as the page is still read; during the second, its first name is found.
      if (shown === 0) return { ok: true, revealed: false, reading: true };
      if (!request.fromStart) return { ok: true, revealed: false, reading: true };
      log.push('revealed');
      return { ok: true, revealed: true };
    }) as never);
    await press(1);
    expect(log).toEqual(['notice: reading']);
    shown = 1;
    await press(1);
    expect(log).toEqual(['notice: reading', 'revealed']);
  });

  it('on a page whose names are all of categories switched off, says so, not that it has none', async () => {
    await found(12, { 0: 2 });
    // The page shows none of them: it reveals nothing.
    const log = pageWithFrames({ 0: 0 });
    await updateSettings((settings) => ({ ...settings, categories: { ...settings.categories, country: false } }));
    await press(1);
    expect(log).toEqual(['notice 0: categories-off']);
  });

  it('with Backstory switched off, on the site or everywhere, tells the reader so without asking the page for names', async () => {
    await found(12, { 0: 2 });
    const log = pageWithFrames({ 0: 2 });
    await updateSettings((settings) => ({ ...settings, offSites: ['news.example'] }));
    await press(1);
    await updateSettings((settings) => ({ ...settings, enabled: false, offSites: [] }));
    await press(1);
    expect(log).toEqual(['notice 0: off-on-site', 'notice 0: off-everywhere']);
  });

  it('walks an embedded frame where it stands among the page’s names, told by the frame’s place in the page', async () => {
    await found(12, { 0: 2, 5: 1 });
    const scripting = (fakeBrowser as unknown as { scripting: { executeScript: ReturnType<typeof vi.fn> } }).scripting;
    scripting.executeScript.mockImplementation(async (options: { func?: unknown; target: { frameIds?: number[] } }) =>
      options.func === framePathInFrame ? [{ frameId: 5, documentId: 'd5', result: [0] }] : [{ frameId: 0, documentId: 'd', result: true }],
    );
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, request: Record<string, unknown>, options: { frameId: number }) => {
      if (options.frameId === 5) return { ok: true, revealed: true };
      // The page: the frame stands before its names.
      return request.type === 'page/next-mention' && request.after === undefined ? { ok: true, revealed: false, enter: 0 } : { ok: true, revealed: true };
    }) as never);
    await press(1);
    expect(send).toHaveBeenCalledWith(12, { type: 'page/next-mention', wrap: false, frames: [0] }, { frameId: 0 });
    expect(send).toHaveBeenCalledWith(12, { type: 'page/next-mention', wrap: false, fromStart: true }, { frameId: 5 });
    expect(send).toHaveBeenLastCalledWith(12, { type: 'page/close-card' }, { frameId: 0 });
    expect(await fakeBrowser.storage.session.get(null)).toMatchObject({ 'nextMentionFrame:12': 5 });
  });

  it('takes presses one after another: a press while the last one still closes the card it left does not have its own card closed', async () => {
    await found(12, { 0: 1, 5: 1 });
    const log = pageWithFrames({ 0: 1, 5: 1 });
    await press(1);
    const tab = { id: 12, url: PAGE } as Browser.tabs.Tab;
    await Promise.all([onCommand('next-mention', tab), onCommand('next-mention', tab)]);
    expect(log).toEqual(['0:0', '5:0', 'close 0', '0:0', 'close 5', 'notice 0: round']);
  });

  it('goes on in the frame the reader went to since (a click into another frame), closing the card of the one it last revealed in', async () => {
    await found(12, { 0: 1, 5: 2, 7: 1 });
    const log = pageWithFrames({ 0: 1, 5: 2, 7: 1 });
    await press(2);
    expect(log).toEqual(['0:0', '5:0', 'close 0']);
    readerIn({ 0: 'through', 5: 'none', 7: 'focus' });
    await press(1);
    expect(log.slice(3)).toEqual(['7:0', 'close 5']);
  });

  it('goes on in the frame whose card the page shows with the focus in it (a ticker too small for its card), not in the page', async () => {
    await found(12, { 0: 2, 5: 2 });
    const log = pageWithFrames({ 0: 2, 5: 2 });
    await press(3);
    expect(log).toEqual(['0:0', '0:1', '5:0', 'close 0']);
    readerIn({ 0: { cardOf: 5 }, 5: 'none' });
    await press(1);
    expect(log.slice(4)).toEqual(['5:1']);
    // The card of a frame that named nothing: nowhere known to go on from but the frame last revealed in.
    readerIn({ 0: { cardOf: 9 }, 5: 'none' });
    await press(1);
    expect(log.slice(5)).toEqual(['0:0', 'close 5', 'notice 0: round']);
  });

  it('asks the page for the frame whose card it shows where the page names nothing itself: a caret left in another frame does not count', async () => {
    await found(12, { 5: 2, 7: 1 });
    const log = pageWithFrames({ 5: 2, 7: 1 });
    await press(1);
    expect(log).toEqual(['5:0']);
    readerIn({ 0: { cardOf: 5 }, 5: 'none', 7: 'caret' });
    await press(1);
    expect(log.slice(1)).toEqual(['5:1']);
    // Without that card, the caret tells.
    readerIn({ 0: 'focus', 5: 'none', 7: 'caret' });
    await press(1);
    expect(log.slice(2)).toEqual(['7:0', 'close 5']);
  });

  it('with focus in no frame (the browser’s address bar), goes on where the reader left the only caret', async () => {
    await found(12, { 0: 2, 5: 2 });
    const log = pageWithFrames({ 0: 2, 5: 2 });
    await press(3);
    expect(log).toEqual(['0:0', '0:1', '5:0', 'close 0']);
    // A caret put between the page's two names.
    readerAfter(0, 0);
    readerIn({ 0: 'caret', 5: 'none' });
    await press(1);
    expect(log.slice(4)).toEqual(['0:1', 'close 5']);
    // Carets in both: nothing tells which the reader left last; on in the frame last revealed in, the page.
    readerAfter(5, -1);
    readerIn({ 0: 'caret', 5: 'caret' });
    await press(1);
    expect(log.slice(6)).toEqual(['5:0', 'close 0']);
  });

  it('goes on in the frame last revealed in when the frames cannot be asked where the reader is', async () => {
    await found(12, { 0: 1, 5: 2 });
    const log = pageWithFrames({ 0: 1, 5: 2 });
    await press(2);
    readerIn(new Error('No frame with id 7 in tab 12.'));
    await press(1);
    expect(log.slice(2)).toEqual(['close 0', '5:1']);
  });

  it('takes no frame of the tab’s previous page', async () => {
    await found(12, { 0: 1, 7: 3 }, 'https://news.example/earlier');
    await found(12, { 0: 1 });
    const log = pageWithFrames({ 0: 1, 7: 3 });
    await press(2);
    expect(log).toEqual(['0:0', '0:0', 'notice 0: round']);
  });

  it('asks the top frame of the active tab when the browser names no tab and nothing was found yet', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 } as Browser.tabs.Tab]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, revealed: false });
    await onCommand('next-mention');
    expect(send).toHaveBeenCalledWith(4, { type: 'page/next-mention', wrap: false }, { frameId: 0 });
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
