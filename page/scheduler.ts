/** Longest stretch of our work between two chances for the page to respond. */
export const SLICE_MS = 8;

/**
 * Yields to the event loop so input, rendering and the page's own scripts run.
 * A MessageChannel task is not clamped like nested setTimeout(0) (4 ms), and
 * unlike scheduler.yield alone it lets the browser paint between slices.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A clock for one slice of work. */
export class Slice {
  private deadline = 0;

  begin(): void {
    this.deadline = performance.now() + SLICE_MS;
  }

  get expired(): boolean {
    return performance.now() >= this.deadline;
  }
}
