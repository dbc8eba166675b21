/** Frame and task timing inside the page. */
import { yieldToPage } from '../page/scheduler';

/** Resolves in the next requestAnimationFrame callback, with its frame time. */
export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves in a task queued now: the same yield Backstory's slices use. */
export const nextTask = yieldToPage;

/** performance.now() just after the next frame is rendered: a task queued from requestAnimationFrame runs once that frame is painted. */
export async function afterNextPaint(): Promise<number> {
  await nextFrame();
  await nextTask();
  return performance.now();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
