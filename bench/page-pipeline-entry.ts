/**
 * Backstory's page side as page/annotator.ts runs it, minus the extension
 * messaging and settings: compile, scan, index, highlight, first paint.
 * Bundled by bench/bundles.ts while page/page-annotator.ts does not exist.
 */
import { compileMatcher } from '../core/matcher';
import { findMentions } from '../page/find-mentions';
import { Highlighter } from '../page/highlighter';
import { MentionIndex } from '../page/mention-index';
import { exposeBackstory } from './page-backstory-bench';
import { afterNextPaint, nextFrame } from './page-paint';

/** The annotator re-registers highlights near the viewport once a frame while scrolling; without it scrolling would look free. */
function followScroll(highlighter: Highlighter): void {
  let frame = 0;
  const schedule = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      highlighter.update();
    });
  };
  addEventListener('scroll', schedule, { passive: true, capture: true });
  addEventListener('resize', schedule, { passive: true });
}

exposeBackstory('compileMatcher + findMentions + Highlighter', async (entities) => {
  const matcher = compileMatcher(entities);
  const mentions = findMentions(document.body ?? document.documentElement, matcher);
  const index = new MentionIndex(mentions);
  // Like the content script: a page without mentions gets no highlighter at all.
  if (mentions.length === 0) return { mentions: 0, firstPaintAt: null, hoverIndex: () => index, kept: index };
  const highlighter = new Highlighter();
  highlighter.setMentions(mentions);
  followScroll(highlighter);
  // Two frames: the first paints the highlights, the second starts once that one is shown.
  const firstPaintAt = await afterNextPaint();
  await nextFrame();
  return { mentions: mentions.length, firstPaintAt, hoverIndex: () => index, kept: [index, highlighter] };
});
