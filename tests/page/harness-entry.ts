/**
 * The page code under test, bundled alone (no extension APIs) and exposed to the
 * test page, so page behaviour is tested in real Chromium without the extension.
 */
import { matcherFrom } from '../../core/matcher/runtime';
import { decodeMatcher, type MatcherWire } from '../../core/matcher/wire';
import type { Matcher } from '../../core/matcher/types';
import { MentionLookup } from '../../page/mention-lookup';
import { MutationWatcher } from '../../page/mutation-watcher';
import { OverlayPainter } from '../../page/overlay-painter';
import { createPageScreen } from '../../page/page-screen';
import { PageAnnotator } from '../../page/page-annotator';
import { SeenCounts } from '../../page/seen-counts';
import { firstFrom, readerPlace } from '../../page/reader-place';
import { watchForStoryNames } from '../../page/story-watch';
import { watchPage } from '../../page/watch-page';
import { stillReading } from '../../page/reading-mark';
import { frameStops } from '../../page/frame-stops';
import { modalOpen } from '../../page/top-layer';
import { tabStopAfter } from '../../page/tab-stops';
import { outOfScrollers, placeInScrollers } from '../../page/scroll-clip';
import { drawnParent } from '../../page/drawn-parent';
import { unpainted } from '../../tooling/unpainted';

/** Decodes the matcher the way the content script does. */
const matcher = (wire: MatcherWire): Matcher => matcherFrom(decodeMatcher(wire));

/** The painter for browsers without the Highlight API, which the extension injects on demand. */
const overlay = (doc: Document) => new OverlayPainter(doc);

/**
 * Runs `job` while the page's own tasks and frames go on, counting them: how a
 * test tells that work was sliced (each slice lets a task and a frame in), and
 * the longest wait between two of the page's tasks (a frozen tab is one long wait).
 */
async function countingPageTasks<T>(job: () => Promise<T>): Promise<{ pageTasks: number; frames: number; longestGap: number; value: T }> {
  let pageTasks = 0;
  let frames = 0;
  let longestGap = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    pageTasks++;
    if (running) setTimeout(tick, 0);
  };
  const frame = () => {
    frames++;
    if (running) requestAnimationFrame(frame);
  };
  setTimeout(tick, 0);
  requestAnimationFrame(frame);
  try {
    const value = await job();
    return { pageTasks, frames, longestGap: Math.max(longestGap, performance.now() - last), value };
  } finally {
    running = false;
  }
}

/**
 * Runs `job` and tells the longest script of ours in the long animation frames
 * meanwhile: the page's own frame after a big change (150 ms and more on a long
 * page) is the longest wait between its tasks whatever ours take, so ours are
 * told apart by what ran them, a MessageChannel or a timer (scheduler.ts).
 * A frame is reported once it is over: the frames of the 100 ms after the job count too.
 */
async function longestScriptOfOurs<T>(job: () => Promise<T>): Promise<{ longestOfOurs: number; value: T }> {
  type Script = { invoker: string; duration: number };
  const frames: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => frames.push(...list.getEntries()));
  observer.observe({ type: 'long-animation-frame' });
  try {
    const value = await job();
    await new Promise((next) => setTimeout(next, 100));
    frames.push(...observer.takeRecords());
    const scripts = frames.flatMap((frame) => (frame as PerformanceEntry & { scripts: Script[] }).scripts);
    const ours = scripts.filter((script) => /MessagePort|setTimeout/.test(script.invoker)).map((script) => script.duration);
    return { longestOfOurs: Math.max(0, ...ours), value };
  } finally {
    observer.disconnect();
  }
}

/**
 * Runs `job` while a posted message is posted again each time it arrives,
 * counting its turns and the longest wait between two: our slices yield by
 * posted messages too (yieldToPage), so the two take turns, and each wait is
 * about one slice of ours. The page's timers (countingPageTasks) get a turn
 * in Chromium only every few slices, so their waits span several.
 * `onWait` is told each wait as it ends.
 */
async function takingTurns<T>(
  job: () => Promise<T>,
  onWait?: (ms: number) => void,
): Promise<{ turns: number; longestWait: number; value: T }> {
  let turns = 0;
  let longestWait = 0;
  let last = performance.now();
  let running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    longestWait = Math.max(longestWait, now - last);
    onWait?.(now - last);
    last = now;
    turns++;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  try {
    const value = await job();
    return { turns, longestWait: Math.max(longestWait, performance.now() - last), value };
  } finally {
    running = false;
    channel.port1.close();
  }
}

/**
 * Runs `job`, and tells how many elements the widest native query it made
 * looked through: a query, a count or an XPath search runs in one task
 * however large the part of the page it covers, so on a large page it must
 * cover only a part. Counts the elements under each root queried, after the
 * job; a collection's length counts what it walked.
 */
async function widestQuery<T>(job: () => Promise<T>): Promise<{ elements: number; value: T }> {
  const roots = new Set<Node>();
  let widest = 0;
  const restore: (() => void)[] = [];
  const wrap = (proto: object, name: string) => {
    const own = Object.getOwnPropertyDescriptor(proto, name)!;
    const original = own.value as (this: Node, ...args: unknown[]) => unknown;
    Object.defineProperty(proto, name, {
      ...own,
      value(this: Node, ...args: unknown[]) {
        // evaluate() takes its root as an argument; the others are called on it.
        roots.add(name === 'evaluate' ? (args[this instanceof XPathExpression ? 0 : 1] as Node) : this);
        return original.apply(this, args);
      },
    });
    restore.push(() => Object.defineProperty(proto, name, own));
  };
  for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
    for (const name of ['querySelectorAll', 'querySelector']) wrap(proto, name);
  }
  wrap(Document.prototype, 'evaluate');
  wrap(XPathExpression.prototype, 'evaluate');
  const length = Object.getOwnPropertyDescriptor(HTMLCollection.prototype, 'length')!;
  Object.defineProperty(HTMLCollection.prototype, 'length', {
    ...length,
    get(this: HTMLCollection) {
      const value = length.get!.call(this) as number;
      widest = Math.max(widest, value);
      return value;
    },
  });
  restore.push(() => Object.defineProperty(HTMLCollection.prototype, 'length', length));
  let value: T;
  try {
    value = await job();
  } finally {
    for (const undo of restore) undo();
  }
  for (const root of roots) widest = Math.max(widest, (root as ParentNode).querySelectorAll('*').length);
  return { elements: widest, value };
}

declare global {
  interface Window {
    backstoryHarness: {
      PageAnnotator: typeof PageAnnotator;
      SeenCounts: typeof SeenCounts;
      MentionLookup: typeof MentionLookup;
      MutationWatcher: typeof MutationWatcher;
      matcher: typeof matcher;
      overlay: typeof overlay;
      unpainted: typeof unpainted;
      createPageScreen: typeof createPageScreen;
      watchForStoryNames: typeof watchForStoryNames;
      watchPage: typeof watchPage;
      stillReading: typeof stillReading;
      firstFrom: typeof firstFrom;
      readerPlace: typeof readerPlace;
      countingPageTasks: typeof countingPageTasks;
      longestScriptOfOurs: typeof longestScriptOfOurs;
      takingTurns: typeof takingTurns;
      widestQuery: typeof widestQuery;
      modalOpen: typeof modalOpen;
      tabStopAfter: typeof tabStopAfter;
      frameStops: typeof frameStops;
      placeInScrollers: typeof placeInScrollers;
      outOfScrollers: typeof outOfScrollers;
      drawnParent: typeof drawnParent;
    };
  }
}

window.backstoryHarness = { PageAnnotator, SeenCounts, MentionLookup, MutationWatcher, matcher, overlay, unpainted, createPageScreen, watchForStoryNames, watchPage, stillReading, firstFrom, readerPlace, countingPageTasks, longestScriptOfOurs, takingTurns, widestQuery, modalOpen, tabStopAfter, frameStops, placeInScrollers, outOfScrollers, drawnParent };
