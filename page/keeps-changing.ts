/**
 * Changes less than this far apart count as one: a page's task that changes its DOM many times, or a timer firing
 * every millisecond, costs Chromium one frame's work, as a change each frame does.
 */
const CHANGE_GAP_MS = 8;
/** This many changes within BUSY_WINDOW_MS make a page that keeps changing: a clock ticking each second is not one. */
const BUSY_CHANGES = 8;
const BUSY_WINDOW_MS = 1000;
/**
 * A page that keeps changing is taken as quiet again once it changed fewer than BUSY_CHANGES times in this long:
 * a rate twice as slow as the one that made it busy, so a page changing about as often as that does not switch its
 * painting back and forth every second.
 */
const QUIET_WINDOW_MS = 2000;

/**
 * Tells when the page keeps changing its DOM (a live clock, a price ticker, a counter in a live blog), and when it is
 * quiet again. In each frame in which the page's DOM changed, Chromium spends time on every registered highlight range
 * within a few thousand pixels of the viewport (those far below it cost nothing measurable): with a ticker changed
 * once a frame and 168 names registered, the renderer's main thread was busy 6.4 s in 10, 4.7 s with the 46 within
 * a screen of the viewport, 1.5 s without Backstory. On such a page only those are registered
 * (Highlighter.pageKeepsChanging). Told of each batch of the page's mutations, it keeps a few numbers: no timer runs
 * while the page is quiet, one every QUIET_WINDOW_MS while it keeps changing.
 */
export class KeepsChanging {
  /** When the last BUSY_CHANGES changes came, as a ring: the oldest is overwritten next. */
  private readonly times: number[] = [];
  private next = 0;
  private last = -Infinity;
  /** Changes since the quiet check last looked, while the page keeps changing. */
  private sinceCheck = 0;
  private check: ReturnType<typeof setTimeout> | undefined;
  private busy = false;

  constructor(private readonly onSwitch: (keepsChanging: boolean) => void) {}

  get keepsChanging(): boolean {
    return this.busy;
  }

  /** The page changed its DOM: called from the mutation observer's callback, so it does as little as it can. */
  changed(now = performance.now()): void {
    if (now - this.last < CHANGE_GAP_MS) return;
    this.last = now;
    if (this.busy) {
      this.sinceCheck++;
      return;
    }
    const oldest = this.times[this.next];
    this.times[this.next] = now;
    this.next = (this.next + 1) % BUSY_CHANGES;
    if (oldest === undefined || now - oldest > BUSY_WINDOW_MS) return;
    this.busy = true;
    this.sinceCheck = 0;
    this.check = setTimeout(() => this.lookForQuiet(), QUIET_WINDOW_MS);
    this.onSwitch(true);
  }

  private lookForQuiet(): void {
    if (this.sinceCheck >= BUSY_CHANGES) {
      this.sinceCheck = 0;
      this.check = setTimeout(() => this.lookForQuiet(), QUIET_WINDOW_MS);
      return;
    }
    this.check = undefined;
    this.busy = false;
    this.times.length = 0;
    this.next = 0;
    this.onSwitch(false);
  }

  /** Stops looking (the annotator paused or destroyed), forgetting the changes so far; tells nobody. */
  stop(): void {
    clearTimeout(this.check);
    this.check = undefined;
    this.busy = false;
    this.times.length = 0;
    this.next = 0;
  }
}
