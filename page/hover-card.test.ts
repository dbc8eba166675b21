// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnchorBox, CardApi, CardRequest } from './card-bridge';
import type { PageMention } from './find-mentions';
import { HoverCard } from './hover-card';

// The waits are written out in milliseconds, not read from hover-card.ts: they are what the reader feels, and a test
// that took them from the module would follow any change to them.

/** Each name's lines on screen, by its text node: happy-dom lays nothing out. */
const layout = new Map<Node, DOMRect[]>();

/** A name alone in a paragraph of its own, laid out as `lines` (one line, in the window, unless told). */
function nameOnPage(entityId: string, text: string, lines = [new DOMRect(100, 200, 120, 18)]): PageMention {
  const p = document.body.appendChild(document.createElement('p'));
  const node = p.appendChild(document.createTextNode(text));
  layout.set(node, lines);
  return { entityId, alias: text, text, startNode: node, startOffset: 0, endNode: node, endOffset: text.length };
}

/** The page wrote the name's paragraph again (a framework rendering anew): the same text in new nodes, at `lines`. */
function writtenAnew(mention: PageMention, lines = layout.get(mention.startNode)!): PageMention {
  const old = mention.startNode.parentElement!;
  const again = nameOnPage(mention.entityId, mention.text, lines);
  old.replaceWith(again.startNode.parentElement!);
  return again;
}

/** Where the pointer rests on a name of one line: its middle. */
function middleOf(mention: PageMention) {
  const [box] = layout.get(mention.startNode)!;
  return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
}

/** The card as the reader sees it: whose it is and where it stands, and which name the page marks as the hovered one. */
function cardOnPage() {
  const requests: CardRequest[] = [];
  const moves: AnchorBox[] = [];
  const renames: Pick<CardRequest, 'place' | 'nameEnd'>[] = [];
  let shown: CardRequest | undefined;
  let hides = 0;
  let engaged = false;
  const api: CardApi = {
    show: async (request) => {
      requests.push(request);
      shown = request;
    },
    hide: () => {
      hides++;
      shown = undefined;
    },
    move: (anchor) => moves.push(anchor),
    renamed: (name) => renames.push(name),
    isEngaged: () => engaged,
    prefetch: () => {},
    notice: () => {},
  };
  const marked: (string | undefined)[] = [];
  const card = new HoverCard(api, (mention) => marked.push(mention?.entityId));
  return {
    card,
    requests,
    moves,
    renames,
    marked,
    /** Whose card is on screen, if any. */
    showing: () => shown?.entityId,
    shownRequest: () => shown,
    hides: () => hides,
    /** The pointer (or the focus) goes into the card, or leaves it. */
    engage: (value: boolean) => (engaged = value),
    /** Escape in the card: it closes by itself, and says so. */
    escape: () => {
      const request = shown;
      shown = undefined;
      request?.onClose?.();
    },
  };
}

function linesOf(range: Range): DOMRect[] {
  return layout.get(range.startContainer) ?? [];
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    return linesOf(this) as unknown as DOMRectList;
  });
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    const lines = linesOf(this);
    if (lines.length === 0) return new DOMRect();
    const left = Math.min(...lines.map((r) => r.left));
    const top = Math.min(...lines.map((r) => r.top));
    return new DOMRect(left, top, Math.max(...lines.map((r) => r.right)) - left, Math.max(...lines.map((r) => r.bottom)) - top);
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  layout.clear();
  document.body.replaceChildren();
});

describe('the card of a hovered name, opening', () => {
  it('opens once the pointer has rested on a name for 200 ms, not before, by that name', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(199);
    expect(page.showing()).toBeUndefined();
    expect(page.marked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(page.showing()).toBe('vladimir-putin');
    expect(page.marked).toEqual(['vladimir-putin']);
    expect(page.shownRequest()).toMatchObject({ anchor: { x: 100, y: 200, width: 120, height: 18 }, pinned: false, focus: false, place: putin.startNode.parentElement });
  });

  it('never opens for a name the pointer only passes over, however long the reader then waits', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(80);
    page.card.hover(undefined);
    vi.advanceTimersByTime(1000);
    expect(page.requests).toEqual([]);
    expect(page.marked).toEqual([]);
  });

  it('waits from the start again while the pointer still moves along the name', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    page.card.hover(putin, { at: { x: 110, y: 209 } });
    vi.advanceTimersByTime(150);
    page.card.hover(putin, { at: { x: 190, y: 209 } });
    vi.advanceTimersByTime(199);
    expect(page.showing()).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(page.showing()).toBe('vladimir-putin');
  });

  it('opens the card of the name the pointer comes to rest on, not of one it crossed on the way', () => {
    const page = cardOnPage();
    const kim = nameOnPage('kim-jong-un', 'Kim Jong Un', [new DOMRect(100, 100, 100, 18)]);
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    page.card.hover(kim, { at: middleOf(kim) });
    vi.advanceTimersByTime(100);
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(199);
    expect(page.showing()).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(page.requests.map((request) => request.entityId)).toEqual(['vladimir-putin']);
  });

  it('opens nothing for a name the page scrolled under a pointer at rest, until the pointer moves on it', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    page.card.hover(putin, { scrolled: true, at: middleOf(putin) });
    vi.advanceTimersByTime(1000);
    expect(page.requests).toEqual([]);
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(200);
    expect(page.showing()).toBe('vladimir-putin');
  });

  it('goes on waiting while the page scrolls under a pointer resting on the name, and does not start over', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(100);
    page.card.hover(putin, { scrolled: true, at: middleOf(putin) });
    vi.advanceTimersByTime(100);
    expect(page.showing()).toBe('vladimir-putin');
  });

  it('does not open when a mouse button goes down on the page during the wait (a selection starting on the name)', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(100);
    page.card.pressed(false);
    vi.advanceTimersByTime(1000);
    expect(page.requests).toEqual([]);
  });
});

/** A page with Putin's card open, hovered for 200 ms, and Kim Jong Un's name above it. */
function withPutinOpen() {
  const page = cardOnPage();
  const kim = nameOnPage('kim-jong-un', 'Kim Jong Un', [new DOMRect(100, 100, 100, 18)]);
  const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
  page.card.hover(putin, { at: middleOf(putin) });
  vi.advanceTimersByTime(200);
  expect(page.showing()).toBe('vladimir-putin');
  return { page, kim, putin };
}

describe('the card of a hovered name, closing', () => {
  it('closes 300 ms after the pointer left its name, not before, and the name is no longer marked hovered', () => {
    const { page } = withPutinOpen();
    page.card.hover(undefined);
    vi.advanceTimersByTime(299);
    expect(page.showing()).toBe('vladimir-putin');
    vi.advanceTimersByTime(1);
    expect(page.showing()).toBeUndefined();
    expect(page.marked).toEqual(['vladimir-putin', undefined]);
  });

  it('stays open, and is not opened again, when the pointer comes back to the name within those 300 ms', () => {
    const { page, putin } = withPutinOpen();
    page.card.hover(undefined);
    vi.advanceTimersByTime(250);
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(1000);
    expect(page.showing()).toBe('vladimir-putin');
    expect(page.requests).toHaveLength(1);
    expect(page.hides()).toBe(0);
  });

  it('stays open while the pointer is in the card, and closes 300 ms after it left the card for the page', () => {
    const { page } = withPutinOpen();
    page.card.hover(undefined);
    page.engage(true);
    vi.advanceTimersByTime(1000);
    expect(page.showing()).toBe('vladimir-putin');
    expect(page.card.engaged).toBe(true);
    page.engage(false);
    page.card.hover(undefined);
    vi.advanceTimersByTime(299);
    expect(page.showing()).toBe('vladimir-putin');
    vi.advanceTimersByTime(1);
    expect(page.showing()).toBeUndefined();
    expect(page.card.engaged).toBe(false);
  });

  it('gives way to the next name once the pointer has rested on it for 200 ms, with no moment without a card', () => {
    const { page, kim } = withPutinOpen();
    page.card.hover(kim, { at: middleOf(kim) });
    vi.advanceTimersByTime(199);
    expect(page.showing()).toBe('vladimir-putin');
    vi.advanceTimersByTime(1);
    expect(page.showing()).toBe('kim-jong-un');
    expect(page.hides()).toBe(0);
    expect(page.marked).toEqual(['vladimir-putin', 'kim-jong-un']);
  });

  it('closes after 300 ms, opening no other, when the pointer only crosses another name on its way off', () => {
    const { page, kim } = withPutinOpen();
    page.card.hover(kim, { at: middleOf(kim) });
    vi.advanceTimersByTime(50);
    page.card.hover(undefined);
    vi.advanceTimersByTime(299);
    expect(page.showing()).toBe('vladimir-putin');
    vi.advanceTimersByTime(1);
    expect(page.showing()).toBeUndefined();
    vi.advanceTimersByTime(1000);
    expect(page.requests.map((request) => request.entityId)).toEqual(['vladimir-putin']);
  });

  it('closes after 300 ms once the page scrolled another name under the pointer at rest, and opens that one only when the pointer moves', () => {
    const { page, kim } = withPutinOpen();
    page.card.hover(kim, { scrolled: true, at: middleOf(kim) });
    vi.advanceTimersByTime(299);
    expect(page.showing()).toBe('vladimir-putin');
    vi.advanceTimersByTime(1);
    expect(page.showing()).toBeUndefined();
    vi.advanceTimersByTime(1000);
    expect(page.showing()).toBeUndefined();
    page.card.hover(kim, { at: middleOf(kim) });
    vi.advanceTimersByTime(200);
    expect(page.showing()).toBe('kim-jong-un');
  });

  it('closes at once as a mouse button goes down outside it, but not inside it', () => {
    const { page } = withPutinOpen();
    page.card.pressed(true);
    vi.advanceTimersByTime(1000);
    expect(page.showing()).toBe('vladimir-putin');
    page.card.pressed(false);
    expect(page.showing()).toBeUndefined();
    expect(page.marked).toEqual(['vladimir-putin', undefined]);
  });

  it('stays closed after Escape while the pointer goes on moving on its name, and opens again once the pointer left the name and came back', () => {
    const { page, putin } = withPutinOpen();
    page.escape();
    expect(page.marked).toEqual(['vladimir-putin', undefined]);
    const { x, y } = middleOf(putin);
    page.card.hover(putin, { at: { x: x + 2, y } });
    vi.advanceTimersByTime(1000);
    page.card.hover(putin, { at: { x: x + 4, y: y + 1 } });
    vi.advanceTimersByTime(1000);
    expect(page.showing()).toBeUndefined();
    expect(page.requests).toHaveLength(1);
    page.card.hover(undefined);
    page.card.hover(putin, { at: { x, y } });
    vi.advanceTimersByTime(200);
    expect(page.showing()).toBe('vladimir-putin');
    expect(page.requests).toHaveLength(2);
  });

  it('stays closed after a press closed it while the pointer goes on moving on its name, and opens again once the pointer was on another name', () => {
    const { page, kim, putin } = withPutinOpen();
    page.card.pressed(false);
    const { x, y } = middleOf(putin);
    page.card.hover(putin, { at: { x: x + 2, y } });
    vi.advanceTimersByTime(1000);
    expect(page.requests).toHaveLength(1);
    page.card.hover(kim, { at: middleOf(kim) });
    vi.advanceTimersByTime(50);
    page.card.hover(putin, { at: { x, y } });
    vi.advanceTimersByTime(200);
    expect(page.showing()).toBe('vladimir-putin');
  });

  it('stays closed, put away from another document of the tab (Escape pressed there), while the pointer goes on moving on its name', () => {
    const { page, putin } = withPutinOpen();
    page.card.putAway();
    expect(page.showing()).toBeUndefined();
    const { x, y } = middleOf(putin);
    page.card.hover(putin, { at: { x: x + 2, y } });
    vi.advanceTimersByTime(1000);
    expect(page.requests).toHaveLength(1);
    page.card.hover(undefined);
    page.card.hover(putin, { at: { x, y } });
    vi.advanceTimersByTime(200);
    expect(page.showing()).toBe('vladimir-putin');
  });

  it('after Escape with the pointer in the card, not on its name, the pointer coming back onto the name opens it', () => {
    const { page, putin } = withPutinOpen();
    page.card.hover(undefined);
    page.engage(true);
    page.escape();
    page.engage(false);
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(200);
    expect(page.showing()).toBe('vladimir-putin');
  });

  it('opens at once after Escape when the reader asks for it (a tap, the keyboard), with the pointer still on its name', () => {
    const { page, putin } = withPutinOpen();
    page.escape();
    void page.card.open(putin, { pinned: true });
    expect(page.shownRequest()).toMatchObject({ entityId: 'vladimir-putin', pinned: true });
  });

  it('Escape also calls off the card about to open for the name the pointer came to rest on: none pops up after it; moving on that name opens it', () => {
    const { page, kim } = withPutinOpen();
    page.card.hover(kim, { at: middleOf(kim) });
    vi.advanceTimersByTime(50);
    page.escape();
    vi.advanceTimersByTime(1000);
    expect(page.showing()).toBeUndefined();
    expect(page.requests.map((request) => request.entityId)).toEqual(['vladimir-putin']);
    page.card.hover(kim, { at: { x: middleOf(kim).x + 2, y: middleOf(kim).y } });
    vi.advanceTimersByTime(200);
    expect(page.showing()).toBe('kim-jong-un');
  });
});

describe('a card the reader asked for (the popup, the keyboard, a tap)', () => {
  it('stays open as the pointer passes over the page and as the page scrolls, and gives way to a name the pointer rests on', () => {
    const page = cardOnPage();
    const kim = nameOnPage('kim-jong-un', 'Kim Jong Un', [new DOMRect(100, 100, 100, 18)]);
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    void page.card.open(putin, { pinned: true, focus: true });
    expect(page.shownRequest()).toMatchObject({ entityId: 'vladimir-putin', pinned: true, focus: true });
    expect(page.card.isPinned).toBe(true);
    page.card.hover(undefined);
    vi.advanceTimersByTime(1000);
    page.card.hover(kim, { scrolled: true, at: middleOf(kim) });
    page.card.hover(undefined, { scrolled: true });
    vi.advanceTimersByTime(1000);
    expect(page.showing()).toBe('vladimir-putin');

    page.card.hover(kim, { at: middleOf(kim) });
    vi.advanceTimersByTime(200);
    expect(page.shownRequest()).toMatchObject({ entityId: 'kim-jong-un', pinned: false });
    // Hovered, not asked for: it goes with the pointer.
    page.card.hover(undefined);
    vi.advanceTimersByTime(300);
    expect(page.showing()).toBeUndefined();
  });

  it('closes at once as a mouse button goes down outside it', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    void page.card.open(putin, { pinned: true });
    page.card.pressed(false);
    expect(page.showing()).toBeUndefined();
    expect(page.card.isPinned).toBe(false);
  });
});

describe('the open card as the page scrolls', () => {
  it('goes with its name, placed again only when the name moved or the window changed size', () => {
    const { page, putin } = withPutinOpen();
    page.card.follow();
    expect(page.moves).toEqual([]);
    layout.set(putin.startNode, [new DOMRect(100, 150, 120, 18)]);
    page.card.follow();
    page.card.follow();
    expect(page.moves).toEqual([{ x: 100, y: 150, width: 120, height: 18 }]);
    vi.stubGlobal('innerWidth', innerWidth - 200);
    page.card.follow();
    expect(page.moves).toHaveLength(2);
    expect(page.showing()).toBe('vladimir-putin');
  });

  it('closes at once when its name left the window on any side, or has no box any more', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    const gone = {
      'above the window': new DOMRect(100, -30, 120, 18),
      'below the window': new DOMRect(100, innerHeight + 1, 120, 18),
      'left of the window': new DOMRect(-130, 200, 120, 18),
      'right of the window': new DOMRect(innerWidth + 1, 200, 120, 18),
      'with no box': new DOMRect(0, 0, 0, 0),
    };
    for (const [where, box] of Object.entries(gone)) {
      layout.set(putin.startNode, [new DOMRect(100, 200, 120, 18)]);
      void page.card.open(putin);
      layout.set(putin.startNode, [box]);
      page.card.follow();
      expect(page.showing(), where).toBeUndefined();
      expect(page.card.current, where).toBeUndefined();
    }
  });

  it('closes when its name scrolled out of view in a panel with its own scroll bar', () => {
    const page = cardOnPage();
    const panel = document.body.appendChild(document.createElement('div'));
    panel.style.overflowY = 'auto';
    vi.spyOn(panel, 'scrollHeight', 'get').mockReturnValue(1000);
    vi.spyOn(panel, 'clientHeight', 'get').mockReturnValue(100);
    vi.spyOn(panel, 'clientWidth', 'get').mockReturnValue(500);
    vi.spyOn(panel, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 150, 500, 100));
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin', [new DOMRect(100, 200, 120, 18)]);
    panel.append(putin.startNode.parentElement!);
    void page.card.open(putin);
    page.card.follow();
    expect(page.showing()).toBe('vladimir-putin');
    // Scrolled up within the panel: still in the window, above the panel's top.
    layout.set(putin.startNode, [new DOMRect(100, 120, 120, 18)]);
    page.card.follow();
    expect(page.showing()).toBeUndefined();
  });

  it('leaves the card about to open for the name the pointer came to rest on as the old one went to open', () => {
    const { page, kim, putin } = withPutinOpen();
    page.card.hover(kim, { at: middleOf(kim) });
    vi.advanceTimersByTime(100);
    layout.set(putin.startNode, [new DOMRect(100, -30, 120, 18)]);
    page.card.follow();
    expect(page.showing()).toBeUndefined();
    vi.advanceTimersByTime(100);
    expect(page.showing()).toBe('kim-jong-un');
  });
});

describe('the card of a name that wraps', () => {
  it('stands by the line the pointer rested on, kept clear of the whole name', () => {
    const page = cardOnPage();
    const name = nameOnPage('kim-jong-un', 'Kim Jong Un', [new DOMRect(600, 200, 150, 18), new DOMRect(20, 222, 60, 18)]);
    page.card.hover(name, { at: { x: 40, y: 230 } });
    vi.advanceTimersByTime(200);
    expect(page.shownRequest()!.anchor).toEqual({ x: 20, y: 222, width: 60, height: 18, nameTop: 200, nameBottom: 240 });

    page.card.close();
    page.card.hover(name, { at: { x: 650, y: 205 } });
    vi.advanceTimersByTime(200);
    expect(page.shownRequest()!.anchor).toEqual({ x: 600, y: 200, width: 150, height: 18, nameTop: 200, nameBottom: 240 });
  });

  it('stands by its line alone where the name is split between two columns', () => {
    const page = cardOnPage();
    const name = nameOnPage('kim-jong-un', 'Kim Jong Un', [new DOMRect(300, 700, 100, 18), new DOMRect(600, 100, 80, 18)]);
    page.card.hover(name, { at: { x: 350, y: 705 } });
    vi.advanceTimersByTime(200);
    expect(page.shownRequest()!.anchor).toEqual({ x: 300, y: 700, width: 100, height: 18 });
  });
});

describe('the page writing a name’s text anew', () => {
  it('leaves the card open, by the new text, where the same name stands where it stood', () => {
    const { page, putin } = withPutinOpen();
    const again = writtenAnew(putin);
    page.card.lost([again]);
    expect(page.showing()).toBe('vladimir-putin');
    expect(page.hides()).toBe(0);
    expect(page.renames).toEqual([{ place: again.startNode.parentElement, nameEnd: again.startNode }]);
    expect(page.card.current).toBe(again);
  });

  it('keeps the card put away by Escape, by the new text under the resting pointer, while the pointer goes on moving on it', () => {
    const { page, putin } = withPutinOpen();
    const again = writtenAnew(putin);
    page.card.lost([again]);
    page.escape();
    page.card.hover(again, { at: { x: middleOf(again).x + 2, y: middleOf(again).y } });
    vi.advanceTimersByTime(1000);
    expect(page.showing()).toBeUndefined();
    expect(page.requests).toHaveLength(1);
  });

  it('closes the card where the name is gone, or stands somewhere else now', () => {
    const { page, putin } = withPutinOpen();
    page.card.lost([writtenAnew(putin, [new DOMRect(100, 400, 120, 18)])]);
    expect(page.showing()).toBeUndefined();

    const other = withPutinOpen();
    other.page.card.lost([]);
    expect(other.page.showing()).toBeUndefined();
  });

  it('opens, once the wait ends, by the text the page wrote anew under the resting pointer', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(100);
    const again = writtenAnew(putin);
    page.card.pendingLost((mention) => mention === again, () => again);
    vi.advanceTimersByTime(100);
    expect(page.showing()).toBe('vladimir-putin');
    expect(page.shownRequest()!.place).toBe(again.startNode.parentElement);
  });

  it('opens as soon as the new text is read, where the wait ended while the page had not read it yet', () => {
    const page = cardOnPage();
    const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
    page.card.hover(putin, { at: middleOf(putin) });
    vi.advanceTimersByTime(100);
    const again = writtenAnew(putin);
    vi.advanceTimersByTime(100);
    // A card by text gone from the page would stand at the window's corner.
    expect(page.showing()).toBeUndefined();
    page.card.pendingLost((mention) => mention === again, () => again);
    expect(page.showing()).toBe('vladimir-putin');
    expect(page.shownRequest()!.place).toBe(again.startNode.parentElement);
  });

  it('opens nothing where another name, or none, now stands under the pointer', () => {
    for (const under of ['another name', 'no name'] as const) {
      const page = cardOnPage();
      const putin = nameOnPage('vladimir-putin', 'Vladimir Putin');
      page.card.hover(putin, { at: middleOf(putin) });
      vi.advanceTimersByTime(100);
      putin.startNode.parentElement!.remove();
      const kim = under === 'another name' ? nameOnPage('kim-jong-un', 'Kim Jong Un') : undefined;
      page.card.pendingLost((mention) => mention === kim, () => kim);
      vi.advanceTimersByTime(1000);
      expect(page.requests, under).toEqual([]);
    }
  });
});
