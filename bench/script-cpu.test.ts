import { describe, expect, it } from 'vitest';
import type { TraceEvent } from './busy-time';
import { cpuOfScripts } from './script-cpu';

const OURS = 'chrome-extension://abc/story.js';
const ours = (url: string) => url.startsWith('chrome-extension://abc/');
const run = (name: string, ts: number, dur: number, tdur: number, url: string, frame: string | null = 'F1', tid = 1): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  tdur,
  pid: 7,
  tid,
  args: { data: frame === null ? { url } : { url, frame } },
});

describe('cpuOfScripts', () => {
  it('sums the thread time of our evaluations and callbacks, the wall time beside it', () => {
    const events = [
      run('EvaluateScript', 1000, 4000, 2500, OURS),
      run('EvaluateScript', 9000, 900, 500, OURS, 'F2'),
      run('FunctionCall', 20000, 300, 250, OURS),
      run('FunctionCall', 30000, 800, 700, 'https://page.example/app.js'),
    ];
    expect(cpuOfScripts(events, ours)).toEqual({ ms: 3.25, wallMs: 5.2, seen: true });
  });

  it('counts a callback inside our own evaluation once', () => {
    const events = [run('EvaluateScript', 1000, 4000, 3000, OURS), run('FunctionCall', 2000, 1000, 1000, OURS)];
    expect(cpuOfScripts(events, ours).ms).toBe(3);
  });

  it('counts the promise jobs our callbacks leave in a task of ours, not those of tasks where the page ran too', () => {
    const task = (ts: number, dur: number): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, tdur: dur, pid: 7, tid: 1 });
    const microtasks = (ts: number, dur: number, tdur: number): TraceEvent => ({ name: 'RunMicrotasks', ph: 'X', ts, dur, tdur, pid: 7, tid: 1 });
    const events = [
      // Ours: a MessageChannel callback resolves a promise, and the async function awaiting it goes on.
      task(1000, 9000),
      run('FunctionCall', 1000, 100, 100, OURS),
      microtasks(1200, 8000, 7000),
      // The page's: its own callback, then promise jobs of its own.
      task(20000, 9000),
      run('FunctionCall', 20000, 100, 100, 'https://page.example/app.js'),
      microtasks(20200, 8000, 8000),
      // A task with both: what its promise jobs belong to is not known; only our callback counts.
      task(40000, 9000),
      run('FunctionCall', 40000, 100, 100, 'https://page.example/app.js'),
      run('FunctionCall', 40200, 300, 300, OURS),
      microtasks(40600, 8000, 8000),
    ];
    expect(cpuOfScripts(events, ours).ms).toBeCloseTo(0.1 + 7 + 0.3);
  });

  it('leaves out the service worker (no frame), other events, and says when our scripts never ran', () => {
    const events = [
      run('FunctionCall', 1000, 500, 500, 'chrome-extension://abc/background.js', null),
      { ...run('v8.run', 2000, 500, 500, OURS) },
      { ...run('EvaluateScript', 3000, 500, 500, OURS), ph: 'B' },
    ];
    expect(cpuOfScripts(events, ours)).toEqual({ ms: 0, wallMs: 0, seen: false });
  });

  it('counts from the commit of the measured document: the page before it runs our script too', () => {
    const page = 'http://127.0.0.1:8000/news.html';
    const commit = (ts: number, url: string, isMainFrame = true): TraceEvent => ({
      name: 'CommitLoad',
      ph: 'X',
      ts,
      dur: 10,
      pid: 7,
      tid: 1,
      args: { data: { url, isMainFrame, frame: 'F1' } },
    });
    const events = [
      commit(500, 'http://127.0.0.1:8000/blank'),
      // The blank page's own run, late: after the trace started, before the navigation committed.
      run('EvaluateScript', 1000, 2000, 2000, OURS),
      commit(4000, page),
      run('EvaluateScript', 5000, 1500, 1500, OURS),
      commit(6000, 'about:srcdoc', false),
      run('EvaluateScript', 7000, 400, 400, OURS, 'F2'),
    ];
    expect(cpuOfScripts(events, ours, page).ms).toBe(1.9);
    expect(cpuOfScripts(events, ours).ms).toBe(3.9);
    expect(cpuOfScripts(events, ours, 'http://127.0.0.1:8000/elsewhere').seen).toBe(false);
  });
});
