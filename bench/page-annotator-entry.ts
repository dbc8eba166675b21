/**
 * Backstory's page side through the sliced PageAnnotator, as the content
 * script runs it: the matcher arrives compiled and is decoded inside the run.
 */
import { matcherFrom } from '../core/matcher/runtime';
import { decodeMatcher } from '../core/matcher/wire';
import { MentionIndex } from '../page/mention-index';
import { PageAnnotator } from '../page/page-annotator';
import { exposeBackstory } from './page-backstory-bench';
import { afterNextPaint, nextFrame } from './page-paint';

exposeBackstory('PageAnnotator', async (wire) => {
  let firstPaint: Promise<number> | undefined;
  const annotator = new PageAnnotator({
    matcher: matcherFrom(decodeMatcher(wire)),
    root: document,
    onFirstHighlights: () => {
      firstPaint ??= afterNextPaint();
    },
  });
  await annotator.start();
  const firstPaintAt = firstPaint ? await firstPaint : null;
  // The last slice's highlights get their frame too.
  await afterNextPaint();
  await nextFrame();
  return {
    mentions: annotator.mentionCount,
    firstPaintAt,
    hoverIndex: () => ({ index: new MentionIndex(annotator.mentions), mentions: annotator.mentions }),
    kept: annotator,
  };
});
