/**
 * Backstory's page side through the sliced PageAnnotator. Bundled by
 * bench/bundles.ts instead of page-pipeline-entry.ts once page/page-annotator.ts exists.
 */
import { compileMatcher } from '../core/matcher';
import { findMentions, type PageMention } from '../page/find-mentions';
import { MentionIndex } from '../page/mention-index';
// The module is being written alongside this benchmark; tsc checks the calls below as soon as it lands.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore
import { PageAnnotator } from '../page/page-annotator';
import { exposeBackstory } from './page-backstory-bench';
import { afterNextPaint, nextFrame } from './page-paint';

exposeBackstory('PageAnnotator', async (entities) => {
  let firstPaint: Promise<number> | undefined;
  const annotator = new PageAnnotator({
    entities,
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
    mentions: annotator.mentionCount as number,
    firstPaintAt,
    // Hover lookups go through the same modules as the annotator's; a fresh scan if it does not share its mentions.
    hoverIndex: () =>
      new MentionIndex((annotator as { mentions?: readonly PageMention[] }).mentions ?? findMentions(document.body, compileMatcher(entities))),
    kept: annotator,
  };
});
