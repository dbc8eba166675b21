/** Main-thread time from a Chromium trace: the tasks between two performance marks. */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, where the platform reports it. */
  tdur?: number;
  pid: number;
  tid: number;
  /** What the event carries, by event name (a script's URL, a mark's name…). */
  args?: unknown;
}

/** Every task the renderer's main thread runs is wrapped in one of these ('toplevel' category). */
export const TASK_EVENT = 'ThreadControllerImpl::RunTask';

export interface BusyWindow {
  /** Task time inside the window, overlaps counted once. */
  busyMs: number;
  /**
   * CPU time of the same tasks (their thread time, prorated at the edges):
   * unlike busyMs it does not grow while the thread waits for a core that
   * other processes hold.
   */
  cpuMs: number;
  /**
   * The longest task, counting only its part inside the window: the tasks at
   * the edges also hold the harness's own work (a forced GC, the call that
   * started the run), which is not the variant's.
   */
  longestTaskMs: number;
  tasks: number;
}

/**
 * Main-thread busy time between the first `startMark` and the first `endMark`
 * after it, on the thread that set the marks. Null when a mark is missing.
 */
export function busyBetween(events: readonly TraceEvent[], startMark: string, endMark: string): BusyWindow | null {
  const start = events.find((e) => e.name === startMark);
  if (!start) return null;
  const end = events.find((e) => e.name === endMark && e.pid === start.pid && e.tid === start.tid && e.ts >= start.ts);
  if (!end) return null;
  const tasks = events
    .filter((e) => e.name === TASK_EVENT && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid)
    .filter((e) => e.ts < end.ts && e.ts + (e.dur ?? 0) > start.ts)
    .sort((a, b) => a.ts - b.ts);
  let busy = 0;
  let cpu = 0;
  let coveredUntil = start.ts;
  let longest = 0;
  for (const task of tasks) {
    const taskEnd = task.ts + (task.dur ?? 0);
    const to = Math.min(taskEnd, end.ts);
    longest = Math.max(longest, to - Math.max(task.ts, start.ts));
    const from = Math.max(task.ts, coveredUntil);
    if (to > from) {
      busy += to - from;
      cpu += task.dur ? ((task.tdur ?? task.dur) * (to - from)) / task.dur : 0;
    }
    coveredUntil = Math.max(coveredUntil, Math.min(taskEnd, end.ts));
  }
  return { busyMs: busy / 1000, cpuMs: cpu / 1000, longestTaskMs: longest / 1000, tasks: tasks.length };
}

/**
 * Duration of the main-thread task in which `mark` was set: for the page's
 * own mutations, the script that made them and the microtasks it ran at its
 * end, where MutationObserver callbacks (ours among them) are delivered.
 */
export function taskAround(events: readonly TraceEvent[], mark: string): number | null {
  const at = events.find((e) => e.name === mark);
  if (!at) return null;
  const task = events.find(
    (e) => e.name === TASK_EVENT && e.ph === 'X' && e.pid === at.pid && e.tid === at.tid && e.ts <= at.ts && at.ts <= e.ts + (e.dur ?? 0),
  );
  return task?.dur === undefined ? null : task.dur / 1000;
}
