/** Longest stretch of our work between two chances for the page to respond. */
export const SLICE_MS = 8;
/** The first slice of a scan is shorter: the names at the top of the page are painted sooner. */
export const FIRST_SLICE_MS = 3;

/** The channel the yields of a run of slices are posted on, while one waits: see yieldToPage. */
let channel: MessageChannel | null = null;
/** The yields posted and not yet back, in order: one message each. */
const waiting: (() => void)[] = [];

/**
 * Yields to the event loop so input, rendering and the page's own scripts run.
 * A MessageChannel task is not clamped like nested setTimeout(0) (4 ms), and
 * unlike scheduler.yield alone it lets the browser paint between slices.
 *
 * The slices of a scan post on one channel: a channel made for each yield cost
 * 60-120 µs in Chromium (a pair of ports made, entangled and closed), a message
 * on an open one 20-60 µs, and a scan of a large page yields dozens of times.
 * The channel closes once no yield waits, so no port stays open on the page
 * between runs of work.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    (channel ??= openChannel()).port2.postMessage(null);
  });
}

function openChannel(): MessageChannel {
  const opened = new MessageChannel();
  opened.port1.onmessage = () => {
    waiting.shift()?.();
    // Queued after the resumed work's own continuation: a slice that yields again has done so by then.
    queueMicrotask(() => {
      if (waiting.length > 0 || channel !== opened) return;
      channel = null;
      opened.port1.close();
    });
  };
  return opened;
}

/** Longest wait for a frame (shownInFrame): an embedded frame out of view renders none. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves after the next frame, so what was just painted reaches the screen
 * before more work starts: the frame's task runs, then ours. Right away in a
 * hidden tab, and after FRAME_WAIT_MS at most where frames are throttled.
 */
export function shownInFrame(doc: Document = document): Promise<void> {
  if (doc.visibilityState !== 'visible') return yieldToPage();
  const view = doc.defaultView ?? window;
  return new Promise<void>((resolve) => {
    const done = () => {
      view.clearTimeout(timer);
      view.cancelAnimationFrame(frame);
      resolve();
    };
    const timer = view.setTimeout(done, FRAME_WAIT_MS);
    const frame = view.requestAnimationFrame(done);
  }).then(yieldToPage);
}

/**
 * Work (about a character read) between two looks at the clock, at most:
 * performance.now() costs a fraction of a microsecond, which asked once per
 * block of a large page added up to several milliseconds.
 */
const MOST_WORK_PER_CLOCK_READ = 4096;
/**
 * ...and at first: code that has not run yet runs interpreted, a few hundred
 * characters a millisecond here, so the 4,096 read before the first look held
 * the whole of the demo article's scan in one slice of 14-19 ms.
 */
const LEAST_WORK_PER_CLOCK_READ = 128;
/** The time between two looks at the clock the work between them is sized for. */
const CLOCK_READ_MS = 0.5;

/** A clock for one slice of work. */
export class Slice {
  private deadline = 0;
  private work = 0;
  private workPerRead = LEAST_WORK_PER_CLOCK_READ;
  private lastRead = 0;

  begin(ms = SLICE_MS): void {
    this.lastRead = performance.now();
    this.deadline = this.lastRead + ms;
    this.work = 0;
  }

  get expired(): boolean {
    return performance.now() >= this.deadline;
  }

  /** Counts `work` done and tells whether the slice is over, reading the clock only now and then. */
  spent(work: number): boolean {
    this.work += work;
    if (this.work < this.workPerRead) return false;
    const now = performance.now();
    // From the pace of the work just done, as the code warms up: it grows at most twofold a look, as a coarse
    // clock (pages not cross-origin isolated see 0.1 ms steps) reads no time passing at all.
    const took = now - this.lastRead;
    const paced = took > 0 ? (this.work * CLOCK_READ_MS) / took : Infinity;
    this.workPerRead = Math.max(LEAST_WORK_PER_CLOCK_READ, Math.min(paced, this.workPerRead * 2, MOST_WORK_PER_CLOCK_READ));
    this.work = 0;
    this.lastRead = now;
    return now >= this.deadline;
  }
}
