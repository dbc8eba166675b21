import { describe, expect, it } from 'vitest';
import { TASK_EVENT, type TraceEvent } from './busy-time';
import { longestTaskOfScripts } from './script-tasks';

const ours = (url: string) => /^chrome-extension:\/\/abc\/(story|content-scripts\/)/.test(url);
const task = (ts: number, dur: number, tdur: number, tid = 1): TraceEvent => ({ name: TASK_EVENT, ph: 'X', ts, dur, tdur, pid: 7, tid });
const v8 = (name: string, ts: number, dur: number, url: string, tid = 1): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  tdur: dur,
  pid: 7,
  tid,
  args: name === 'v8.run' ? { fileName: url } : { data: { url } },
});

describe('longestTaskOfScripts', () => {
  it('is the longest whole task in which one of our scripts was compiled or ran', () => {
    const events = [
      task(0, 5000, 4000),
      v8('v8.run', 1000, 2000, 'chrome-extension://abc/story.js'),
      task(10_000, 30_000, 25_000),
      v8('v8.compile', 10_500, 8000, 'chrome-extension://abc/content-scripts/card.js'),
      v8('v8.run', 19_000, 20_000, 'chrome-extension://abc/content-scripts/card.js'),
      // The page's own long task, and the service worker's: not ours.
      task(50_000, 90_000, 90_000),
      v8('v8.run', 50_100, 80_000, 'http://127.0.0.1/app.js'),
      task(0, 60_000, 60_000, 2),
      v8('v8.run', 100, 50_000, 'chrome-extension://abc/background.js', 2),
    ];
    expect(longestTaskOfScripts(events, ours)).toEqual({ ms: 30, cpuMs: 25 });
  });

  it('counts a module evaluated in our content scripts\' world, which names no script', () => {
    const module = (ts: number, dur: number, worldName: string): TraceEvent => ({ name: 'v8.evaluateModule', ph: 'X', ts, dur, pid: 7, tid: 1, args: { worldId: 5, worldName } });
    const events = [
      task(0, 5000, 4000),
      v8('v8.run', 1000, 2000, 'chrome-extension://abc/story.js'),
      task(10_000, 19_000, 15_000),
      module(10_100, 15_000, 'Backstory'),
      // Another world's module (the page's own, or another extension's): not ours.
      task(40_000, 50_000, 50_000),
      module(40_100, 45_000, 'Other'),
    ];
    expect(longestTaskOfScripts(events, ours, 'Backstory')).toEqual({ ms: 19, cpuMs: 15 });
    expect(longestTaskOfScripts(events, ours)).toEqual({ ms: 5, cpuMs: 4 });
  });

  it('is null when none of our scripts ran', () => {
    expect(longestTaskOfScripts([task(0, 5000, 4000), v8('v8.run', 100, 300, 'http://127.0.0.1/app.js')], ours)).toBeNull();
  });
});
