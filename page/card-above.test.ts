import { describe, expect, it, vi } from 'vitest';
import { cardAbove, type AskAbove } from './card-above';
import type { CardApi } from './card-bridge';

const ANCHOR = { x: 10, y: 20, width: 80, height: 18 };

/** The frame's own card, and the top frame answering through the background: `shows`, whether it shows the card. */
function frame({ shows = true, small = true } = {}) {
  const calls: string[] = [];
  const local: CardApi = {
    show: async (request) => void calls.push(`local show ${request.entityId}${request.place ? ` at ${request.place.id}` : ''}`),
    hide: () => calls.push('local hide'),
    move: (anchor) => calls.push(`local move ${anchor.y}`),
    renamed: (name) => calls.push(`local renamed ${name.place?.id}`),
    isEngaged: () => false,
    prefetch: () => {},
    notice: () => {},
  };
  let answer: () => void = () => {};
  let held = false;
  const send: AskAbove = async (request) => {
    calls.push(request.entityId ? `above show ${request.entityId}${request.pinned ? ' pinned' : ''}${request.focus ? ' focus' : ''}` : request.anchor ? `above move ${request.anchor.y}` : 'above hide');
    if (held && request.entityId) await new Promise<void>((done) => (answer = done));
    return { ok: true, shown: shows && request.entityId !== undefined };
  };
  const api = cardAbove(local, send, () => small, () => undefined);
  return { api, calls, hold: () => (held = true), answer: () => answer() };
}

describe('the card of an embedded frame', () => {
  it('in a frame too small to hold it, is shown by the top frame, moved and hidden there', async () => {
    const { api, calls } = frame();
    await api.show({ entityId: 'kim-jong-un', anchor: ANCHOR, pinned: true });
    api.move({ ...ANCHOR, y: 40 });
    api.hide();
    expect(calls).toEqual(['above show kim-jong-un pinned', 'local hide', 'above move 40', 'above hide', 'local hide']);
  });

  it('is the frame’s own where the top frame cannot show it, and where the frame is large enough', async () => {
    const refused = frame({ shows: false });
    await refused.api.show({ entityId: 'kim-jong-un', anchor: ANCHOR });
    refused.api.move({ ...ANCHOR, y: 40 });
    expect(refused.calls).toEqual(['above show kim-jong-un', 'local show kim-jong-un', 'local move 40']);

    const large = frame({ small: false });
    await large.api.show({ entityId: 'kim-jong-un', anchor: ANCHOR });
    expect(large.calls).toEqual(['local show kim-jong-un']);
  });

  it('taking the focus (the shortcut’s, the popup’s), is shown by the top frame too, and engaged from the start: the frame losing the focus to it keeps it', async () => {
    const { api, calls } = frame();
    await api.show({ entityId: 'russia', anchor: ANCHOR, focus: true });
    expect(calls).toEqual(['above show russia focus', 'local hide']);
    expect(api.isEngaged()).toBe(true);
    api.heard({ event: 'released', ask: 1 });
    expect(api.isEngaged()).toBe(false);
  });

  it('hidden before the top frame answered, is hidden there after it shows', async () => {
    const { api, calls, hold, answer } = frame();
    hold();
    const shown = api.show({ entityId: 'kim-jong-un', anchor: ANCHOR });
    api.hide();
    answer();
    await shown;
    expect(calls).toEqual(['above show kim-jong-un', 'above hide', 'local hide']);
    // Not shown by the frame either, nor hidden again.
    api.hide();
    expect(calls).toEqual(['above show kim-jong-un', 'above hide', 'local hide', 'local hide']);
  });

  it('is engaged while the top frame says the pointer or focus is in it, and its closing by itself is the frame’s to hear', async () => {
    const { api } = frame();
    const closed = vi.fn();
    await api.show({ entityId: 'kim-jong-un', anchor: ANCHOR, onClose: closed });
    expect(api.isEngaged()).toBe(false);
    api.heard({ event: 'engaged', ask: 1 });
    expect(api.isEngaged()).toBe(true);
    api.heard({ event: 'released', ask: 1 });
    expect(api.isEngaged()).toBe(false);
    api.heard({ event: 'closed', ask: 1 });
    expect(closed).toHaveBeenCalledOnce();
    // Heard once the card is gone: nothing more to close.
    api.heard({ event: 'closed', ask: 1 });
    api.heard({ event: 'engaged', ask: 1 });
    expect(closed).toHaveBeenCalledOnce();
    expect(api.isEngaged()).toBe(false);
  });

  it('takes no word of a card it replaced for the one it asked for since: that one stays open, and is hidden when the pointer leaves', async () => {
    const { api, calls, hold, answer } = frame();
    const first = vi.fn();
    const second = vi.fn();
    await api.show({ entityId: 'kim-jong-un', anchor: ANCHOR, onClose: first });
    hold();
    const shown = api.show({ entityId: 'pyongyang', anchor: ANCHOR, onClose: second });
    // Escape closed the first in the top frame as the second was on its way.
    api.heard({ event: 'closed', ask: 1 });
    answer();
    await shown;
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    api.heard({ event: 'engaged', ask: 1 });
    expect(api.isEngaged()).toBe(false);
    api.hide();
    expect(calls.at(-2)).toBe('above hide');
  });

  it('hears its card closed even before the top frame’s answer that it shows it', async () => {
    const { api, hold, answer } = frame();
    const closed = vi.fn();
    hold();
    const shown = api.show({ entityId: 'kim-jong-un', anchor: ANCHOR, onClose: closed });
    api.heard({ event: 'closed', ask: 1 });
    expect(closed).not.toHaveBeenCalled();
    answer();
    await shown;
    expect(closed).toHaveBeenCalledOnce();
  });

  it('goes from over the page with the frame’s page, which is told its card closed', async () => {
    const { api, calls } = frame();
    const closed = vi.fn();
    await api.show({ entityId: 'kim-jong-un', anchor: ANCHOR, onClose: closed });
    api.leave();
    expect(closed).toHaveBeenCalledOnce();
    expect(calls).toEqual(['above show kim-jong-un', 'local hide', 'above hide']);
    api.leave();
    expect(calls).toHaveLength(3);
  });

  it('shown by the frame itself after all, stands by the name as the page wrote it anew while the top frame was asked', async () => {
    const { api, calls, hold, answer } = frame({ shows: false });
    hold();
    const shown = api.show({ entityId: 'kim-jong-un', anchor: ANCHOR, place: { id: 'old' } as Element });
    api.renamed({ place: { id: 'new' } as Element });
    answer();
    await shown;
    api.renamed({ place: { id: 'newer' } as Element });
    expect(calls).toEqual(['above show kim-jong-un', 'local show kim-jong-un at new', 'local renamed newer']);
  });
});
