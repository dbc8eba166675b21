/**
 * Backstory's page side through the sliced PageAnnotator, as the content
 * script runs it: the matcher arrives compiled and is decoded inside the run,
 * and scrolls and resizes update the highlights around the viewport.
 */
import { matcherFrom } from '../core/matcher/runtime';
import { decodeMatcher } from '../core/matcher/wire';
import { MentionLookup } from '../page/mention-lookup';
import { PageAnnotator } from '../page/page-annotator';
import { yieldToPage } from '../page/scheduler';
import { SeenCounts } from '../page/seen-counts';
import { exposeBackstory } from './page-backstory-bench';
import { afterNextPaint, nextFrame } from './page-paint';
import { followViewport } from './page-viewport';

exposeBackstory('PageAnnotator', async (wire) => {
  let firstPaint: Promise<number> | undefined;
  const annotator = new PageAnnotator({
    // As a top frame decodes it: the build's own matcher (page/annotator.ts). An embedded frame checks its trie too.
    matcher: matcherFrom(decodeMatcher(wire, { built: true })),
    root: document,
    onFirstHighlights: () => {
      firstPaint ??= afterNextPaint();
    },
  });
  const started = annotator.start();
  // The content script listens once the first scan is under way, in the same task (page/annotator.ts, listenAgain).
  const stopFollowing = followViewport(annotator);
  await started;
  // The first report to the popup and the badge, in a task of its own as the content script sends it:
  // it counts only the names the reader can see, one look at each element holding one, a slice at a time.
  await yieldToPage();
  const seen = new SeenCounts(() => annotator.mentions, () => undefined);
  await seen.counted();
  const firstPaintAt = firstPaint ? await firstPaint : null;
  // The last slice's highlights get their frame too.
  await afterNextPaint();
  await nextFrame();
  return {
    mentions: annotator.mentionCount,
    firstPaintAt,
    shown: () => annotator.shown,
    newLookup: () => new MentionLookup(annotator),
    kept: [annotator, seen, stopFollowing],
  };
});
