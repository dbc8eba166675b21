import { describe, expect, it } from 'vitest';
import { pathOf } from './frame-paths';

describe('a frame’s path from its answer', () => {
  it('takes the numbers a frame tells from the top down', () => {
    expect(pathOf(5, [0])).toEqual([0]);
    expect(pathOf(7, [2, 3])).toEqual([2, 3]);
  });

  it('gives a frame that cannot tell its own place a number no page reaches, its own, so frames alike stay apart in the order they were made', () => {
    const [first] = pathOf(5, [-1])!;
    const [second] = pathOf(9, [-1])!;
    expect(first).toBeGreaterThan(100_000);
    expect(second).toBeGreaterThan(first!);
    expect(pathOf(9, [1, -1])).toEqual([1, second]);
  });

  it('refuses anything else: no answer, an empty path, an ancestor’s place untold, numbers that are not places', () => {
    for (const result of [null, undefined, [], [-1, 0], [0.5], [-2], ['1'], 'x']) expect(pathOf(5, result)).toBeUndefined();
  });
});
