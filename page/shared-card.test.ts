import { describe, expect, it, vi } from 'vitest';
import type { CardApi, CardRequest } from './card-bridge';
import { shareCard } from './shared-card';

const ANCHOR = { x: 0, y: 0, width: 10, height: 10 };

function fakeCard() {
  const calls: string[] = [];
  let engaged = false;
  let shown: CardRequest | undefined;
  const api: CardApi = {
    show: async (request) => {
      shown = request;
      calls.push(`show ${request.entityId}`);
    },
    hide: () => calls.push('hide'),
    move: (anchor) => calls.push(`move ${anchor.x}`),
    renamed: (name) => calls.push(`renamed ${name.place?.id}`),
    isEngaged: () => engaged,
    prefetch: () => {},
    notice: () => {},
  };
  return { api, calls, engage: (now: boolean) => (engaged = now), closeByItself: () => shown?.onClose?.() };
}

describe('one card shared by the page’s names and the small frames’', () => {
  it('tells the page its card closed when a frame’s card takes its place, and the other way round', async () => {
    const card = fakeCard();
    const { page, frames } = shareCard(card.api);
    const pageClosed = vi.fn();
    const frameClosed = vi.fn();
    await page.show({ entityId: 'russia', anchor: ANCHOR, onClose: pageClosed });
    await frames.show({ entityId: 'kim-jong-un', anchor: ANCHOR, onClose: frameClosed });
    expect(pageClosed).toHaveBeenCalledOnce();
    await page.show({ entityId: 'russia', anchor: ANCHOR, onClose: pageClosed });
    expect(frameClosed).toHaveBeenCalledOnce();
    // The same side's next card is no closing of its own.
    await page.show({ entityId: 'japan', anchor: ANCHOR, onClose: pageClosed });
    expect(pageClosed).toHaveBeenCalledOnce();
  });

  it('leaves the card of one side be when the other, which no longer has it, hides or moves its own', async () => {
    const card = fakeCard();
    const { page, frames } = shareCard(card.api);
    await page.show({ entityId: 'russia', anchor: ANCHOR });
    await frames.show({ entityId: 'kim-jong-un', anchor: ANCHOR });
    card.engage(true);
    page.hide();
    page.move({ ...ANCHOR, x: 5 });
    page.renamed({ place: { id: 'page' } as Element });
    expect(page.isEngaged()).toBe(false);
    expect(frames.isEngaged()).toBe(true);
    frames.move({ ...ANCHOR, x: 6 });
    frames.renamed({ place: { id: 'frame' } as Element });
    frames.hide();
    expect(card.calls).toEqual(['show russia', 'show kim-jong-un', 'move 6', 'renamed frame', 'hide']);
  });

  it('is no one’s once it closed by itself: the side that had it is told, and hides nothing after', async () => {
    const card = fakeCard();
    const { frames } = shareCard(card.api);
    const closed = vi.fn();
    await frames.show({ entityId: 'kim-jong-un', anchor: ANCHOR, onClose: closed });
    card.closeByItself();
    expect(closed).toHaveBeenCalledOnce();
    frames.hide();
    expect(card.calls).toEqual(['show kim-jong-un']);
  });
});
