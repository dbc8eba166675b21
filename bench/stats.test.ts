import { describe, expect, it } from 'vitest';
import { difference, max, median, ratio } from './stats';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('skips missing figures instead of counting them as zero', () => {
    expect(median([null, 10, undefined, 30, 20])).toBe(20);
    expect(median([null, NaN])).toBeNull();
    expect(median([])).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('max, ratio, difference', () => {
  it('are null when a figure is missing', () => {
    expect(max([null, 2, 9, 4])).toBe(9);
    expect(max([null])).toBeNull();
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
    expect(difference(10, 4)).toBe(6);
    expect(difference(10, null)).toBeNull();
  });
});
