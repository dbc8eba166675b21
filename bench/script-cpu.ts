/** The CPU time a page's frames spend running given scripts, read from a Chromium trace. */
import { TASK_EVENT, type TraceEvent } from './busy-time';

/** The trace categories cpuOfScripts reads: scripts and callbacks, tasks, promise jobs. */
export const SCRIPT_CPU_CATEGORIES = ['devtools.timeline', 'toplevel', 'v8.execute'];
/** A microtask checkpoint: where promise jobs run, an async function going on after an await among them. */
const MICROTASKS_EVENT = 'RunMicrotasks';

export interface ScriptCpu {
  /** Thread (CPU) time of those scripts' tasks: what the thread spent, not what it waited for a core. */
  ms: number;
  /** The same tasks' wall time, for comparison. */
  wallMs: number;
  /** Whether the trace holds any of them: without one, the scripts never ran (or the trace saw another process). */
  seen: boolean;
}

/**
 * Where a frame runs a script: its evaluation ('EvaluateScript') and every
 * callback into it ('FunctionCall': listeners, observers, idle callbacks,
 * timers), each with the script's URL. Both include whatever they call: DOM
 * calls, compiling, garbage collection in the middle of them.
 */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall']);

interface ScriptEventArgs {
  data?: { url?: string; frame?: string };
}

interface CommitArgs {
  data?: { url?: string; isMainFrame?: boolean };
}

/**
 * When the main frame committed the document at `url`: the page before it
 * (the blank page the trace starts on) runs our script too, sometimes only
 * after the trace began, and its run is not this page's work.
 */
function committedAt(events: readonly TraceEvent[], url: string): number | undefined {
  let at: number | undefined;
  for (const event of events) {
    if (event.name !== 'CommitLoad') continue;
    const data = (event.args as CommitArgs | undefined)?.data;
    if (data?.isMainFrame && data.url === url && (at === undefined || event.ts < at)) at = event.ts;
  }
  return at;
}

const within = (outer: TraceEvent, event: TraceEvent) =>
  outer.pid === event.pid && outer.tid === event.tid && outer.ts <= event.ts && event.ts <= outer.ts + (outer.dur ?? 0);

/**
 * The microtask checkpoints that run our promise jobs: those of tasks in
 * which only our scripts ran, after one of them (a callback of ours that
 * resolved the promise an async function of ours awaited, say).
 */
function ourMicrotasks(events: readonly TraceEvent[], scripts: readonly TraceEvent[], ours: (url: string) => boolean, from: number): TraceEvent[] {
  const tasks = events.filter((event) => event.name === TASK_EVENT && event.ph === 'X');
  return events.filter((checkpoint) => {
    if (checkpoint.name !== MICROTASKS_EVENT || checkpoint.ph !== 'X' || checkpoint.ts < from) return false;
    const task = tasks.find((t) => within(t, checkpoint));
    if (!task) return false;
    const inTask = scripts.filter((script) => within(task, script));
    return (
      inTask.length > 0 &&
      inTask.every((script) => ours(urlOf(script))) &&
      inTask.some((script) => script.ts + (script.dur ?? 0) <= checkpoint.ts)
    );
  });
}

function urlOf(event: TraceEvent): string {
  return (event.args as ScriptEventArgs | undefined)?.data?.url ?? '';
}

/**
 * CPU time of the evaluations of and callbacks into the scripts `ours`
 * accepts, in frames (a service worker has none), and of the promise jobs
 * they leave (ourMicrotasks), each counted once where one runs inside
 * another; with `documentUrl`, only from the main frame's commit of that
 * document on (nothing is counted when the trace has no such commit). Not
 * counted: work they cause outside their own tasks (style recalculation for
 * a stylesheet). Read from a trace of SCRIPT_CPU_CATEGORIES.
 */
export function cpuOfScripts(events: readonly TraceEvent[], ours: (url: string) => boolean, documentUrl?: string): ScriptCpu {
  const from = documentUrl === undefined ? -Infinity : committedAt(events, documentUrl) ?? Infinity;
  const scripts = events.filter(
    (event) => event.ph === 'X' && SCRIPT_EVENTS.has(event.name) && (event.args as ScriptEventArgs | undefined)?.data?.frame !== undefined,
  );
  const runs = [
    ...scripts.filter((event) => event.ts >= from && ours(urlOf(event))),
    ...ourMicrotasks(events, scripts, ours, from),
  ].sort((a, b) => a.ts - b.ts);
  const busyUntil = new Map<string, number>();
  let micros = 0;
  let wallMicros = 0;
  for (const run of runs) {
    const thread = `${run.pid}:${run.tid}`;
    const end = run.ts + (run.dur ?? 0);
    if (run.ts < (busyUntil.get(thread) ?? -Infinity)) continue;
    busyUntil.set(thread, end);
    micros += run.tdur ?? run.dur ?? 0;
    wallMicros += run.dur ?? 0;
  }
  return { ms: micros / 1000, wallMs: wallMicros / 1000, seen: runs.length > 0 };
}
