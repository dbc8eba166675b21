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
import type { Painter } from '../../page/painter';
import { watchForStoryNames } from '../../page/story-watch';

/** Decodes the matcher the way the content script does. */
const matcher = (wire: MatcherWire): Matcher => matcherFrom(decodeMatcher(wire));

/** The painter for browsers without the Highlight API, which the extension injects on demand. */
const overlay = (doc: Document) => new OverlayPainter(doc);

/** A painter that paints nothing: for a second annotator reading the page only to compare what it finds. */
const unpainted = (): Painter => ({
  setMentions() {},
  extend() {},
  update() {},
  setHovered() {},
  addShadowRoot() {},
  paintedCount: 0,
  destroy() {},
});

/**
 * Runs `job` while the page's own tasks and frames go on, counting them: how a
 * test tells that work was sliced (each slice lets a task and a frame in).
 */
async function countingPageTasks<T>(job: () => Promise<T>): Promise<{ pageTasks: number; frames: number; value: T }> {
  let pageTasks = 0;
  let frames = 0;
  let running = true;
  const tick = () => {
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
    return { pageTasks, frames, value };
  } finally {
    running = false;
  }
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
      firstFrom: typeof firstFrom;
      readerPlace: typeof readerPlace;
      countingPageTasks: typeof countingPageTasks;
    };
  }
}

window.backstoryHarness = { PageAnnotator, SeenCounts, MentionLookup, MutationWatcher, matcher, overlay, unpainted, createPageScreen, watchForStoryNames, firstFrom, readerPlace, countingPageTasks };
