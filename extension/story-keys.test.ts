import { describe, expect, it } from 'vitest';
import { claimFrame } from './story-keys';

describe('claimFrame', () => {
  it('lets the script on every page run once a frame, however often it is put there', () => {
    const frame = {};
    expect(claimFrame(frame)).toBe(true);
    expect(claimFrame(frame)).toBe(false);
    expect(claimFrame({})).toBe(true);
  });
});
