import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageMention } from './find-mentions';
import { ViewportWindow } from './viewport-window';

const SCREEN = 800;
/** Where each name stands below the one before it. */
const SPACING = 100;

/**
 * A page of `count` names one under another, SPACING px apart, those that
 * `hidden` tells in a hidden element (an empty box at 0,0, as Chromium gives
 * a range there); `scrollTo` scrolls it, `measured` counts the boxes asked for.
 */
function stubPage(count: number, hidden: (index: number) => boolean, { hiddenTakeRoom = true } = {}) {
  const view = { scrollY: 0, measured: 0 };
  // Where each name stands: as a hidden one takes no room on a real page, the names after it stand higher.
  const row: number[] = [];
  for (let i = 0, shown = 0; i < count; i++) row.push(hiddenTakeRoom || !hidden(i) ? (hiddenTakeRoom ? i : shown++) : shown);
  class StubRange {
    private index = -1;
    setStart(node: { index: number }): void {
      this.index = node.index;
    }
    setEnd(): void {}
    collapse(): void {}
    getBoundingClientRect() {
      view.measured++;
      if (hidden(this.index)) return { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0 };
      const top = row[this.index]! * SPACING - view.scrollY;
      return { top, bottom: top + 20, left: 0, right: 60, width: 60, height: 20 };
    }
  }
  const doc = { createRange: () => new StubRange() } as unknown as Document;
  const mentions = Array.from({ length: count }, (_, index) => {
    const node = { index, length: 20, ownerDocument: doc } as unknown as Text;
    return { entityId: 'kim', alias: 'Kim', text: 'Kim', startNode: node, startOffset: 0, endNode: node, endOffset: 3 } satisfies PageMention;
  });
  return {
    doc,
    mentions,
    scrollTo: (y: number) => (view.scrollY = y),
    measured: () => view.measured,
    /** The names laid out whose box ends within a screen of the viewport: those the window must hold, and the only ones it may. */
    near: () =>
      row.flatMap((r, i) => {
        const bottom = r * SPACING - view.scrollY + 20;
        return !hidden(i) && bottom >= -SCREEN && bottom < 2 * SCREEN ? [i] : [];
      }),
    isHidden: hidden,
  };
}

/** The window at `scrollY` of a page of as many names, all laid out: from the first within a screen above the viewport to the first past a screen below it. */
const expected = (scrollY: number): [number, number] => [
  Math.ceil((scrollY - SCREEN - 20) / SPACING),
  Math.ceil((scrollY + 2 * SCREEN - 20) / SPACING),
];

describe('ViewportWindow', () => {
  beforeEach(() => vi.stubGlobal('innerHeight', SCREEN));
  afterEach(() => vi.unstubAllGlobals());

  it('follows the scroll past a hidden name at the top (a mobile-only copy of the headline)', () => {
    const page = stubPage(5000, (i) => i === 0);
    const viewport = new ViewportWindow(page.doc);
    const found = [0, 50_000, 250_000, 490_000].map((y) => {
      page.scrollTo(y);
      return viewport.find(page.mentions);
    });
    // The hidden name's empty box at 0,0 held the window's start there: [0, 516], [0, 2516], [0, 4916].
    expect(found).toEqual([[0, 16], expected(50_000), expected(250_000), expected(490_000)]);
  });

  it('placed afresh (a card asking what is near the screen), a hidden name at the top puts no name above the screen in the window', () => {
    const page = stubPage(5000, (i) => i === 0);
    page.scrollTo(250_000);
    expect(new ViewportWindow(page.doc).find(page.mentions)).toEqual(expected(250_000));
  });

  it('crosses long runs of hidden names (a closed menu at the top, a tab not shown, a closed dialog at the end) measuring a few of each', () => {
    const hidden = (i: number) => i < 200 || (i >= 2400 && i < 2600) || i >= 4800;
    const page = stubPage(5000, hidden);
    const viewport = new ViewportWindow(page.doc);
    const found: [number, number][] = [];
    let mostMeasured = 0;
    for (const y of [0, 150_000, 270_000, 470_000]) {
      page.scrollTo(y);
      for (const search of [viewport, new ViewportWindow(page.doc)]) {
        const before = page.measured();
        found.push(search.find(page.mentions));
        mostMeasured = Math.max(mostMeasured, page.measured() - before);
      }
    }
    // At the top, no name laid out is within a screen: the window holds the hidden run only, which paints nothing.
    const both = (y: number) => [expected(y), expected(y)];
    expect(found).toEqual([[0, 200], [0, 200], ...both(150_000), ...both(270_000), ...both(470_000)]);
    // Not a walk of the list: the hidden ones, which cost little (no layout to measure), and a laid-out one for each probe.
    expect(mostMeasured).toBeLessThan(250);
  });

  for (const [what, hidden] of [
    ['forty hidden names at the top', (i: number) => i < 40],
    ['a hidden run of a hundred mid-page', (i: number) => i >= 200 && i < 300],
    ['hidden blocks every other ten', (i: number) => Math.floor(i / 10) % 2 === 1],
    ['a hidden name every third', (i: number) => i % 3 === 0],
  ] as const) {
    it(`holds every name laid out near the screen, and none laid out further, wherever the page is scrolled: ${what}`, () => {
      // On a real page a hidden name takes no room: the names after it stand where it would have.
      const page = stubPage(2000, hidden, { hiddenTakeRoom: false });
      const viewport = new ViewportWindow(page.doc);
      const wrong: string[] = [];
      for (let y = 0; y <= 120_000; y += 60) {
        page.scrollTo(y);
        for (const search of [viewport, new ViewportWindow(page.doc)]) {
          const [start, end] = search.find(page.mentions);
          const near = page.near();
          const held = page.mentions.flatMap((_, i) => (i >= start && i < end && !page.isHidden(i) ? [i] : []));
          if (held.join() !== near.join()) wrong.push(`at ${y}: [${start}, ${end}) holds ${held.length} laid out, ${near.length} near`);
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    });
  }

  it('with no name laid out at all (a page in a hidden frame), takes them all as near, as it did', () => {
    const page = stubPage(1000, () => true);
    page.scrollTo(50_000);
    expect(new ViewportWindow(page.doc).find(page.mentions)).toEqual([0, 1000]);
  });
});
