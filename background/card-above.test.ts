import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { cardAboveFrame, tellFrameOfCard } from './card-above';
import { framePathInFrame } from './frame-paths';

const ANCHOR = { x: 10, y: 20, width: 80, height: 18 };
const fromFrame = (frameId: number) => ({ tab: { id: 7 } as never, frameId });

/** The tab's frames: `paths`, each frame's answer to where it stands; what reached which frame, in order. */
function tab(paths: Record<number, unknown>, topShows = true) {
  const sent: string[] = [];
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    executeScript: vi.fn(async (options: { func?: unknown; target: { frameIds?: number[] } }) => {
      // The card script, already in every frame; or where the asked frames stand.
      if (options.func !== framePathInFrame) return [{ frameId: 0, documentId: 'd', result: true }];
      return (options.target.frameIds ?? []).map((frameId) => ({ frameId, documentId: `d${frameId}`, result: paths[frameId] }));
    }),
  };
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, request: Record<string, unknown>, options: { frameId: number }) => {
    const { type, ...rest } = request;
    sent.push(`${options.frameId} ${String(type)} ${JSON.stringify(rest)}`);
    return type === 'page/card-for-frame' ? { ok: true, shown: topShows && rest.entityId !== undefined } : { ok: true };
  }) as never);
  return sent;
}

describe('the card of an embedded frame too small to hold it, shown by the top frame', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('asks the top frame to show it by the frame’s place in the page, then to move and hide it, in the order the frame asked', async () => {
    const sent = tab({ 4: [2] });
    const shown = cardAboveFrame({ type: 'card/above', entityId: 'kim-jong-un', anchor: ANCHOR, ask: 1 }, fromFrame(4));
    // Asked at once after, as the pointer passing over a name does: it must not overtake the showing.
    const moved = cardAboveFrame({ type: 'card/above', anchor: { ...ANCHOR, y: 5 } }, fromFrame(4));
    const hidden = cardAboveFrame({ type: 'card/above' }, fromFrame(4));
    expect(await Promise.all([shown, moved, hidden])).toEqual([true, false, false]);
    expect(sent).toEqual([
      `0 page/card-for-frame {"frameId":4,"frame":2,"entityId":"kim-jong-un","anchor":${JSON.stringify(ANCHOR)},"ask":1}`,
      `0 page/card-for-frame {"frameId":4,"anchor":${JSON.stringify({ ...ANCHOR, y: 5 })}}`,
      '0 page/card-for-frame {"frameId":4}',
    ]);
  });

  it('leaves a frame inside a frame, one whose place cannot be told, and the top frame its own card', async () => {
    const sent = tab({ 4: [0, 1], 5: [-1], 6: null });
    for (const frameId of [4, 5, 6]) {
      expect(await cardAboveFrame({ type: 'card/above', entityId: 'kim-jong-un', anchor: ANCHOR }, fromFrame(frameId))).toBe(false);
    }
    expect(await cardAboveFrame({ type: 'card/above', entityId: 'kim-jong-un', anchor: ANCHOR }, fromFrame(0))).toBe(false);
    expect(sent).toEqual([]);
  });

  it('is not shown where the top frame cannot place it', async () => {
    tab({ 4: [0] }, false);
    expect(await cardAboveFrame({ type: 'card/above', entityId: 'kim-jong-un', anchor: ANCHOR }, fromFrame(4))).toBe(false);
  });

  it('tells the frame what became of it, from the top frame only', async () => {
    const sent = tab({});
    await tellFrameOfCard(4, { event: 'engaged', ask: 3 }, fromFrame(0));
    await tellFrameOfCard(4, { event: 'closed', ask: 3, focus: 'after' }, fromFrame(0));
    await expect(tellFrameOfCard(5, { event: 'closed', ask: 1 }, fromFrame(4))).rejects.toThrow(/top frame/);
    expect(sent).toEqual(['4 page/card-above-event {"event":"engaged","ask":3}', '4 page/card-above-event {"event":"closed","ask":3,"focus":"after"}']);
  });

  it('tells the frame’s card script, which asked, and puts no card script into whatever document the frame shows now (an advertisement rotated)', async () => {
    const sent = tab({});
    const { executeScript } = (fakeBrowser as unknown as { scripting: { executeScript: ReturnType<typeof vi.fn> } }).scripting;
    await tellFrameOfCard(4, { event: 'closed', ask: 3 }, fromFrame(0));
    expect(executeScript).not.toHaveBeenCalled();
    expect(sent).toEqual(['4 page/card-above-event {"event":"closed","ask":3}']);
  });

  it('tells the top frame it could not tell a frame without a card script: one gone, or showing another document', async () => {
    tab({});
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(tellFrameOfCard(4, { event: 'closed', ask: 3 }, fromFrame(0))).rejects.toThrow(/Receiving end does not exist/);
  });
});
