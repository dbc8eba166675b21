/** The longest main-thread task that runs given scripts, read from a Chromium trace of 'toplevel' and 'v8'. */
import { TASK_EVENT, type TraceEvent } from './busy-time';

export interface LongestTask {
  /** Wall time of the task, as the slices of the page-side runs are measured. */
  ms: number;
  /** Its thread (CPU) time. */
  cpuMs: number;
}

/** V8's own events name the script they compile or run: no stack traces needed, unlike the DevTools timeline's. */
const SCRIPT_EVENTS = new Set(['v8.run', 'v8.compile']);

interface V8ScriptArgs {
  fileName?: string;
  data?: { url?: string };
  worldName?: string;
}

/** A module's evaluation names no script, only the world it runs in. */
const MODULE_EVALUATION = 'v8.evaluateModule';

function scriptOf(event: TraceEvent): string {
  const args = event.args as V8ScriptArgs | undefined;
  return args?.fileName ?? args?.data?.url ?? '';
}

/**
 * The longest task in which V8 compiled or ran a script that `ours` accepts,
 * or evaluated a module in the content-script world called `world` (the
 * extension's name): the whole task, DOM and style work inside it included.
 * Null when none ran.
 *
 * Read from V8's events rather than the DevTools timeline's: that category
 * records a stack trace for many events, and to symbolise one V8 reparses the
 * functions on the stack, a whole bundle's top level among them: 50–60 ms
 * added to the evaluation of the card script, which no reader's browser pays.
 */
export function longestTaskOfScripts(events: readonly TraceEvent[], ours: (url: string) => boolean, world?: string): LongestTask | null {
  const tasksByThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.name !== TASK_EVENT || event.ph !== 'X') continue;
    const thread = `${event.pid}:${event.tid}`;
    tasksByThread.set(thread, [...(tasksByThread.get(thread) ?? []), event]);
  }
  let longest: TraceEvent | null = null;
  for (const event of events) {
    if (event.ph !== 'X') continue;
    const isOurs = SCRIPT_EVENTS.has(event.name)
      ? ours(scriptOf(event))
      : event.name === MODULE_EVALUATION && world !== undefined && (event.args as V8ScriptArgs | undefined)?.worldName === world;
    if (!isOurs) continue;
    const task = tasksByThread
      .get(`${event.pid}:${event.tid}`)
      ?.find((t) => t.ts <= event.ts && event.ts + (event.dur ?? 0) <= t.ts + (t.dur ?? 0));
    if (task && (task.dur ?? 0) > (longest?.dur ?? -1)) longest = task;
  }
  return longest ? { ms: (longest.dur ?? 0) / 1000, cpuMs: (longest.tdur ?? longest.dur ?? 0) / 1000 } : null;
}
