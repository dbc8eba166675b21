/** Attributes a V8 CPU profile (DevTools Profiler domain) to the scripts that caused the work. */

export interface CpuProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ScriptTime {
  ms: number;
  /** Whether any frame of those scripts was sampled at all: without one the profile saw some other process. */
  seen: boolean;
}

/**
 * CPU time spent in functions of the scripts `ours` accepts and in everything
 * they called, DOM and other native calls included: each sample counts for
 * the time up to the next sample.
 */
export function timeInScripts(profile: CpuProfile, ours: (url: string) => boolean): ScriptTime {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inOurs = new Map<number, boolean>();
  const attributed = (id: number): boolean => {
    const path: number[] = [];
    let current: number | undefined = id;
    let answer = false;
    while (current !== undefined) {
      const known = inOurs.get(current);
      if (known !== undefined) {
        answer = known;
        break;
      }
      path.push(current);
      if (ours(byId.get(current)?.callFrame.url ?? '')) {
        answer = true;
        break;
      }
      current = parent.get(current);
    }
    for (const visited of path) inOurs.set(visited, answer);
    return answer;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  let micros = 0;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    const next = i + 1 < samples.length ? at + (deltas[i + 1] ?? 0) : profile.endTime;
    if (attributed(samples[i]!)) micros += Math.max(0, next - at);
  }
  return { ms: micros / 1000, seen: profile.nodes.some((node) => ours(node.callFrame.url)) };
}
