// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readAllText, walkStructure } from './page-baselines';

describe('the baselines', () => {
  it('the structure walk reads the same text as the floor and counts the blocks it passes', () => {
    document.body.innerHTML = '<h1>Putin <b>visits</b></h1><div><p>North Korea</p><ul><li>Russia</li><li>U.S.</li></ul></div><span>end</span>';
    const floor = readAllText(document.body);
    expect(walkStructure(document.body)).toEqual({ chars: floor.chars, blocks: 6 });
    expect(floor.chars).toBe('Putin visitsNorth KoreaRussiaU.S.end'.length);
  });
});
