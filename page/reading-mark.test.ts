import { describe, expect, it } from 'vitest';
import { beginReading, endReading, holdsNames, markNamed, READING_AT_MOST_MS, stillReading } from './reading-mark';

describe('the mark of a page still being read', () => {
  it('holds from the first reading’s start until its end', () => {
    const frame = {};
    expect(stillReading(frame, 100, false)).toBe(false);
    beginReading(frame, 100);
    expect(stillReading(frame, 150, false)).toBe(true);
    endReading(frame);
    expect(stillReading(frame, 200, false)).toBe(false);
  });

  it('is the frame’s own: another frame’s world reads on unmarked', () => {
    const top = {};
    beginReading(top, 0);
    expect(stillReading({}, 10, false)).toBe(false);
  });

  it('lapses after a while, so a reading that failed without ending it does not say "still reading" for good', () => {
    const frame = {};
    beginReading(frame, 1000);
    expect(stillReading(frame, 1000 + READING_AT_MOST_MS - 1, false)).toBe(true);
    expect(stillReading(frame, 1000 + READING_AT_MOST_MS, false)).toBe(false);
  });

  it('holds while the page is still arriving, before the script on every page runs', () => {
    expect(stillReading({}, 0, true)).toBe(true);
  });

  it('tells whether the annotator has names on the page now, apart from the reading', () => {
    const frame = {};
    expect(holdsNames(frame)).toBe(false);
    markNamed(true, frame);
    expect(holdsNames(frame)).toBe(true);
    expect(stillReading(frame, 0, false)).toBe(false);
    // A single-page app's next view without them.
    markNamed(false, frame);
    expect(holdsNames(frame)).toBe(false);
  });
});
