import { describe, expect, it } from 'vitest';
import { focusWentElsewhere } from './focus-left-frame';

describe('focusWentElsewhere', () => {
  it('is true when the page around the frame has the focus now (a click into its text)', () => {
    expect(
      focusWentElsewhere(
        [
          { frameId: 0, focus: 'focus' },
          { frameId: 5, focus: 'none' },
        ],
        5,
      ),
    ).toBe(true);
  });

  it('is true when a frame beside it, or inside it, has the focus now', () => {
    expect(
      focusWentElsewhere(
        [
          { frameId: 0, focus: 'through' },
          { frameId: 5, focus: 'caret' },
          { frameId: 7, focus: 'focus' },
        ],
        5,
      ),
    ).toBe(true);
    expect(
      focusWentElsewhere(
        [
          { frameId: 0, focus: 'through' },
          { frameId: 5, focus: 'through' },
          { frameId: 9, focus: 'focus' },
        ],
        5,
      ),
    ).toBe(true);
  });

  it('is false when no frame of the tab has the focus: the reader went to another window or the browser’s own bar', () => {
    expect(
      focusWentElsewhere(
        [
          { frameId: 0, focus: 'caret' },
          { frameId: 5, focus: 'none' },
        ],
        5,
      ),
    ).toBe(false);
    expect(focusWentElsewhere([], 5)).toBe(false);
  });

  it('is false when the frame has the focus back, or the page has it only through a frame that could not answer', () => {
    expect(
      focusWentElsewhere(
        [
          { frameId: 0, focus: 'through' },
          { frameId: 5, focus: 'focus' },
        ],
        5,
      ),
    ).toBe(false);
    expect(focusWentElsewhere([{ frameId: 0, focus: 'through' }], 5)).toBe(false);
  });

  it('is false when the focus went into the card the page shows for the frame, and true for another frame’s', () => {
    const inCardOf = (frameId: number) => [
      { frameId: 0, focus: { cardOf: frameId } },
      { frameId: 5, focus: 'none' as const },
    ];
    expect(focusWentElsewhere(inCardOf(5), 5)).toBe(false);
    expect(focusWentElsewhere(inCardOf(7), 5)).toBe(true);
  });
});
