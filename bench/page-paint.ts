/** Frame and task timing inside the page. */

/** Resolves in the next requestAnimationFrame callback, with its frame time. */
export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves in a task queued now; MessageChannel because setTimeout(0) may be clamped. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** performance.now() just after the next frame is rendered: a task queued from requestAnimationFrame runs once that frame is painted. */
export async function afterNextPaint(): Promise<number> {
  await nextFrame();
  await nextTask();
  return performance.now();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
