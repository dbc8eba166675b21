import { describe, expect, it } from 'vitest';
import { moveInLayout, type Box } from './layout-moves';

/** A box `height` tall at column `column` (0 or 1) of a 2-column grid 368 px wide, from `top`. */
const cell = (column: number, top: number, height = 32): Box => ({ left: column * 186, right: column * 186 + 182, top, bottom: top + height });

/**
 * The popup's names as Chromium draws them at 400 px: People (Putin, Kim Jong Un;
 * Kirby alone), a heading, Countries (North Korea, Russia; Vietnam alone), a
 * heading, Organizations (the United Nations beside a name of two lines).
 */
const POPUP: Box[] = [
  cell(0, 0), // 0 Vladimir Putin
  cell(1, 0), // 1 Kim Jong Un
  cell(0, 36), // 2 John Kirby
  cell(0, 98), // 3 North Korea
  cell(1, 98), // 4 Russia
  cell(0, 134), // 5 Vietnam
  cell(0, 196), // 6 United Nations
  cell(1, 196, 50), // 7 South Korean Foreign Ministry
  cell(0, 250), // 8 U.S. National Security Council
];

describe('moving between the popup’s names with the keys', () => {
  it('Down goes to the row below as drawn, the name closest under it, across the groups’ headings', () => {
    expect(moveInLayout(POPUP, 0, 'ArrowDown')).toBe(2);
    // Kim Jong Un's row below has only John Kirby, on the left.
    expect(moveInLayout(POPUP, 1, 'ArrowDown')).toBe(2);
    expect(moveInLayout(POPUP, 2, 'ArrowDown')).toBe(3);
    expect(moveInLayout(POPUP, 4, 'ArrowDown')).toBe(5);
    expect(moveInLayout(POPUP, 5, 'ArrowDown')).toBe(6);
  });

  it('Up goes to the row above as drawn, the right-hand name from the right-hand column', () => {
    expect(moveInLayout(POPUP, 4, 'ArrowUp')).toBe(2);
    expect(moveInLayout(POPUP, 2, 'ArrowUp')).toBe(0);
    expect(moveInLayout(POPUP, 7, 'ArrowUp')).toBe(5);
    expect(moveInLayout(POPUP, 3, 'ArrowUp')).toBe(2);
  });

  it('a name of two lines shares its row with its shorter neighbour: Down from either goes to the row under both', () => {
    expect(moveInLayout(POPUP, 6, 'ArrowDown')).toBe(8);
    expect(moveInLayout(POPUP, 7, 'ArrowDown')).toBe(8);
    expect(moveInLayout(POPUP, 8, 'ArrowUp')).toBe(6);
  });

  it('Left and Right go back and on in reading order, row after row, and right to left in a right-to-left layout', () => {
    expect(moveInLayout(POPUP, 0, 'ArrowRight')).toBe(1);
    expect(moveInLayout(POPUP, 1, 'ArrowRight')).toBe(2);
    expect(moveInLayout(POPUP, 3, 'ArrowLeft')).toBe(2);
    expect(moveInLayout(POPUP, 1, 'ArrowRight', true)).toBe(0);
    expect(moveInLayout(POPUP, 1, 'ArrowLeft', true)).toBe(2);
  });

  it('Home and End go to the first and the last name', () => {
    expect(moveInLayout(POPUP, 5, 'Home')).toBe(0);
    expect(moveInLayout(POPUP, 5, 'End')).toBe(8);
  });

  it('stops at the edges rather than wrapping round', () => {
    expect(moveInLayout(POPUP, 0, 'ArrowUp')).toBeUndefined();
    expect(moveInLayout(POPUP, 1, 'ArrowUp')).toBeUndefined();
    expect(moveInLayout(POPUP, 0, 'ArrowLeft')).toBeUndefined();
    expect(moveInLayout(POPUP, 8, 'ArrowDown')).toBeUndefined();
    expect(moveInLayout(POPUP, 8, 'ArrowRight')).toBeUndefined();
  });

  it('in one column (large text, a narrow popup), Up and Down go name by name', () => {
    const column = [0, 36, 98, 134].map((top) => ({ left: 0, right: 368, top, bottom: top + 32 }));
    expect(moveInLayout(column, 0, 'ArrowDown')).toBe(1);
    expect(moveInLayout(column, 1, 'ArrowDown')).toBe(2);
    expect(moveInLayout(column, 3, 'ArrowUp')).toBe(2);
  });
});
