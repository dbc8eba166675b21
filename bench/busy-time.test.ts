import { describe, expect, it } from 'vitest';
import { busyBetween, TASK_EVENT, type TraceEvent } from './busy-time';

const mark = (name: string, ts: number, tid = 1): TraceEvent => ({ name, ph: 'I', ts, pid: 1, tid });
const task = (ts: number, dur: number, tid = 1, tdur = dur): TraceEvent => ({ name: TASK_EVENT, ph: 'X', ts, dur, tdur, pid: 1, tid });

describe('busyBetween', () => {
  it('sums task time inside the window, clipping tasks at its edges', () => {
    const events = [task(0, 2_000), mark('s', 1_000), task(3_000, 1_500), task(9_000, 4_000), mark('e', 10_000)];
    expect(busyBetween(events, 's', 'e')).toEqual({ busyMs: 3.5, cpuMs: 3.5, longestTaskMs: 1.5, tasks: 3 });
  });

  it('counts nested tasks once and ignores other threads', () => {
    const events = [mark('s', 0), task(1_000, 5_000), task(2_000, 1_000), task(1_000, 50_000, 2), mark('e', 20_000)];
    expect(busyBetween(events, 's', 'e')).toEqual({ busyMs: 5, cpuMs: 5, longestTaskMs: 5, tasks: 2 });
  });

  it('prorates thread time at the edges: a task that waited for a core costs less CPU than wall time', () => {
    const events = [task(0, 4_000, 1, 1_000), mark('s', 2_000), task(5_000, 2_000, 1, 2_000), mark('e', 10_000)];
    expect(busyBetween(events, 's', 'e')).toMatchObject({ busyMs: 4, cpuMs: 2.5 });
  });

  it('is null without both marks', () => {
    expect(busyBetween([mark('s', 0), task(1, 1)], 's', 'e')).toBeNull();
    expect(busyBetween([task(1, 1), mark('e', 5)], 's', 'e')).toBeNull();
  });
});
