import { pageAddress } from '../core/page-address';
import type { MentionCounts } from '../core/messages/page-peer';

/** The timers a reporter needs: a content script's context, whose timers stop when the extension reloads. */
export interface ReporterTimers {
  setTimeout(handler: () => void, ms: number): number;
  readonly isInvalid: boolean;
}

/**
 * Sends what a page found at once, then coalesces the bursts that follow (a
 * scan's slices, a live page's changes) into one send per `intervalMs`. The
 * first send must not wait: the popup, the badge and the keyboard shortcut all
 * learn from it which frames name the story, and a reader may press the
 * shortcut right after the names light up.
 */
export function throttledReporter<T>(
  send: (latest: T) => void,
  timers: ReporterTimers,
  intervalMs: number,
  now: () => number = () => performance.now(),
): (latest: T) => void {
  let latest: T;
  let timer: number | undefined;
  let lastSent = Number.NEGATIVE_INFINITY;
  const flush = () => {
    timer = undefined;
    lastSent = now();
    send(latest);
  };
  return (value: T) => {
    latest = value;
    if (timer !== undefined || timers.isInvalid) return;
    timer = timers.setTimeout(flush, Math.max(0, lastSent + intervalMs - now()));
  };
}

/**
 * The report of what a page found, as the background stores it. Its address is
 * cut down here already: a single-page app's address may run to 2 MB, which
 * every report while the page changes would otherwise copy to the background.
 * `since`: when the document began (extension/story-keys.ts, documentStart).
 */
export function foundReport(counts: ReadonlyMap<string, number>, href: string, since: number | undefined) {
  const found: MentionCounts = Object.fromEntries(counts);
  return { type: 'tab/found' as const, url: pageAddress(href), since, counts: found };
}
