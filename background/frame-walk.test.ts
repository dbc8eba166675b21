import { describe, expect, it } from 'vitest';
import { pathsInIdOrder, walkInReadingOrder, type FrameAsk } from './frame-walk';

/**
 * Frames as the page code answers the walk: each has its reading order of
 * names (strings) and embedded frames (numbers, their index in it), goes on
 * after the last thing it gave, `fromStart` from its beginning, `after` from
 * after that frame, and answers `enter` for a frame that is a stop.
 */
function framesReading(orders: Record<number, (string | number)[]>) {
  const at = new Map<number, number>();
  const revealed: string[] = [];
  const ask = async (frameId: number, how: FrameAsk) => {
    const order = orders[frameId];
    if (!order) return undefined;
    const start = how.after !== undefined ? order.indexOf(how.after) + 1 : how.fromStart ? 0 : (at.get(frameId) ?? -1) + 1;
    for (let i = start; i < order.length; i++) {
      const entry = order[i]!;
      if (typeof entry === 'number' && !how.frames?.includes(entry)) continue;
      at.set(frameId, i);
      if (typeof entry === 'number') return { revealed: false, enter: entry };
      revealed.push(entry);
      return { revealed: true };
    }
    return { revealed: false };
  };
  return { ask, revealed };
}

describe('the walk over a page’s frames in reading order', () => {
  it('walks a frame’s names where the frame stands among the page’s, and round from the top', async () => {
    // Frame 9 (made last) stands first, frame 5 between the page's two names.
    const { ask, revealed } = framesReading({ 0: [1, 'putin', 0, 'kim'], 5: ['korea', 'japan'], 9: ['pyongyang'] });
    const paths = new Map([
      [0, []],
      [5, [0]],
      [9, [1]],
    ]);
    const walked: (number | undefined)[] = [];
    let from = 0;
    for (let press = 0; press < 6; press++) {
      const found = await walkInReadingOrder(paths, from, ask);
      walked.push(found);
      from = found ?? from;
    }
    expect(revealed).toEqual(['pyongyang', 'putin', 'korea', 'japan', 'kim', 'pyongyang']);
    expect(walked).toEqual([9, 0, 5, 5, 0, 9]);
  });

  it('walks a frame inside a frame where it stands in its parent, and through a frame between that names nothing', async () => {
    // The page holds frame 3 (no names) at index 0, which holds frame 4 (names) at index 1; frame 6 inside frame 5.
    const { ask, revealed } = framesReading({ 0: ['putin', 0, 'kim', 1], 4: ['korea'], 5: ['a', 0, 'b'], 6: ['japan'] });
    const paths = new Map([
      [0, []],
      [4, [0, 1]],
      [5, [1]],
      [6, [1, 0]],
    ]);
    let from = 0;
    for (let press = 0; press < 7; press++) from = (await walkInReadingOrder(paths, from, ask)) ?? from;
    expect(revealed).toEqual(['putin', 'korea', 'kim', 'a', 'japan', 'b', 'putin']);
  });

  it('goes round from the top past the page’s last name as the first in reading order, in view or not, and enters frames as usual', async () => {
    const asked: [number, FrameAsk][] = [];
    const reading = framesReading({ 0: [0, 'putin', 'kim'], 5: ['korea'] });
    const ask = (frameId: number, how: FrameAsk) => {
      asked.push([frameId, how]);
      return reading.ask(frameId, how);
    };
    const paths = new Map([
      [0, []],
      [5, [0]],
    ]);
    let from = 0;
    for (let press = 0; press < 4; press++) from = (await walkInReadingOrder(paths, from, ask)) ?? from;
    expect(reading.revealed).toEqual(['korea', 'putin', 'kim', 'korea']);
    const rounds = asked.filter(([, how]) => how.round);
    // Once, at the top frame, past "kim": not when entering frame 5 from the page.
    expect(rounds).toEqual([[0, { fromStart: true, round: true, frames: [0] }]]);
  });

  it('without the frames’ places, goes round from the top frame’s first name too', async () => {
    const asked: FrameAsk[] = [];
    const reading = framesReading({ 0: ['putin', 'kim'] });
    const paths = pathsInIdOrder([0]);
    let from = 0;
    for (let press = 0; press < 3; press++) {
      from =
        (await walkInReadingOrder(paths, from, (frameId, how) => {
          asked.push(how);
          return reading.ask(frameId, how);
        })) ?? from;
    }
    expect(reading.revealed).toEqual(['putin', 'kim', 'putin']);
    expect(asked.filter((how) => how.round)).toEqual([{ fromStart: true, round: true }]);
  });

  it('tells when it goes round to the top, past the page’s last name in its last frame, and only then', async () => {
    const { ask, revealed } = framesReading({ 0: ['putin', 0, 'kim'], 5: ['korea'] });
    const paths = new Map([
      [0, []],
      [5, [0]],
    ]);
    const rounds: boolean[] = [];
    let from = 0;
    for (let press = 0; press < 5; press++) {
      let round = false;
      from = (await walkInReadingOrder(paths, from, ask, () => (round = true))) ?? from;
      rounds.push(round);
    }
    expect(revealed).toEqual(['putin', 'korea', 'kim', 'putin', 'korea']);
    expect(rounds).toEqual([false, false, false, true, false]);
  });

  it('stops asking a page that keeps answering with a frame it was not told of', async () => {
    let asks = 0;
    const found = await walkInReadingOrder(new Map([[0, []], [5, [0]]]), 0, async () => {
      asks++;
      return { revealed: false, enter: 7 };
    });
    expect(found).toBeUndefined();
    expect(asks).toBeLessThan(20);
  });

  it('without the frames’ places, walks the top frame first and the others by id', async () => {
    const { ask, revealed } = framesReading({ 0: ['putin'], 5: ['korea'], 9: ['pyongyang'] });
    const paths = pathsInIdOrder([9, 0, 5]);
    let from = 0;
    for (let press = 0; press < 4; press++) from = (await walkInReadingOrder(paths, from, ask)) ?? from;
    expect(revealed).toEqual(['putin', 'korea', 'pyongyang', 'putin']);
  });
});
