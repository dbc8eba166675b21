import { describe, expect, it } from 'vitest';
import { listedIndices } from './frame-stops';

describe('which listed frame each frame element holds', () => {
  it('takes an iframe’s or object’s from its window, and gives an embed the frame between theirs', () => {
    // iframe (frames[0]), embed, object (frames[2]), embed: the embeds hold frames 1 and 3.
    expect(listedIndices([0, 'embed', 2, 'embed'], 4)).toEqual([0, 1, 2, 3]);
    expect(listedIndices(['embed', 'embed'], 2)).toEqual([0, 1]);
  });

  it('leaves embeds untold where fewer frames stand between than embeds (one shows an image), and skips elements without a frame', () => {
    // Two embeds before frames[1], only frame 0 before it: which one shows a document cannot be told.
    expect(listedIndices(['embed', 'embed', 1, undefined, 'embed'], 3)).toEqual([undefined, undefined, 1, undefined, 2]);
    // An object showing an image holds no frame, and does not end the run of embeds.
    expect(listedIndices(['embed', undefined, 'embed', 2], 3)).toEqual([0, undefined, 1, 2]);
  });
});
