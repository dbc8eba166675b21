/** Longest stretch of our work between two chances for the page to respond. */
export const SLICE_MS = 8;
/** The first slice of a scan is shorter: the names at the top of the page are painted sooner. */
export const FIRST_SLICE_MS = 3;

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

/**
 * Work (about a character read) between two looks at the clock: performance.now()
 * costs a fraction of a microsecond, which asked once per block of a large
 * page added up to several milliseconds.
 */
const WORK_PER_CLOCK_READ = 4096;

/** A clock for one slice of work. */
export class Slice {
  private deadline = 0;
  private work = 0;

  begin(ms = SLICE_MS): void {
    this.deadline = performance.now() + ms;
    this.work = 0;
  }

  get expired(): boolean {
    return performance.now() >= this.deadline;
  }

  /** Counts `work` done and tells whether the slice is over, reading the clock only now and then. */
  spent(work: number): boolean {
    this.work += work;
    if (this.work < WORK_PER_CLOCK_READ) return false;
    this.work = 0;
    return this.expired;
  }
}
