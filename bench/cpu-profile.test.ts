import { describe, expect, it } from 'vitest';
import { timeInScripts, type CpuProfile } from './cpu-profile';

const node = (id: number, url: string, children: number[] = []) => ({ id, callFrame: { url, functionName: `f${id}` }, children });

// root → page.js → ext.js → (native nextNode) ; root → (idle)
const profile: CpuProfile = {
  nodes: [node(1, '', [2, 5]), node(2, 'https://page/page.js', [3]), node(3, 'chrome-extension://x/story.js', [4]), node(4, ''), node(5, '')],
  startTime: 0,
  // Samples at 100, 200, 300, 400, 500; the profile ends at 600.
  samples: [5, 3, 4, 2, 3],
  timeDeltas: [100, 100, 100, 100, 100],
  endTime: 600,
};
const extension = (url: string) => url.startsWith('chrome-extension://x/');

describe('timeInScripts', () => {
  it('counts the samples in our scripts and in what they call, each until the next sample', () => {
    expect(timeInScripts(profile, extension)).toEqual({ ms: 0.3, seen: true });
  });

  it('says when the profile never saw our scripts', () => {
    expect(timeInScripts(profile, (url) => url.startsWith('chrome-extension://other/'))).toEqual({ ms: 0, seen: false });
  });
});
