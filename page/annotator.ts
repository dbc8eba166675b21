import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MentionCounts } from '../core/messages/page-peer';
import { matcherFrom } from '../core/matcher/runtime';
import { decodeMatcher } from '../core/matcher/wire';
import { isActiveOn, type Settings } from '../core/settings';
import type { Category } from '../core/story/schema';
import { sendPageMessage } from '../extension/send-page-message';
import { readSettingsLight, watchSettingsLight } from '../extension/settings-watch';
import { adoptHighlightStyles } from './highlight-styles';
import { supportsHighlights } from './highlighter';
import { HoverCard } from './hover-card';
import { PageAnnotator } from './page-annotator';
import { listenForPageCommands } from './page-commands';

/** Reports of what was found are sent at most this often while a page keeps changing. */
const REPORT_INTERVAL_MS = 500;

/**
 * The page side of Backstory, wired to the extension: the story's matcher from
 * the background, the reader's settings, the hover card, and reports of what
 * was found for the popup and the badge.
 */
export async function startAnnotator(ctx: ContentScriptContext): Promise<PageAnnotator | undefined> {
  // At document_start, before the page has any elements to restyle.
  if (supportsHighlights()) adoptHighlightStyles();
  const parsed = documentParsed();
  const [reply, initialSettings] = await Promise.all([sendPageMessage({ type: 'matcher/get' }), readSettingsLight()]);
  if (!reply.ok) throw new Error(`No story to match: ${reply.error}`);
  if (ctx.isInvalid) return undefined;

  const categories = new Map<string, Category>(reply.entities.map((e) => [e.id, e.category]));
  const report = throttledReporter(ctx);
  // Decoded now, often while the page is still parsing, not in the first slice of the scan.
  const annotator = new PageAnnotator({ matcher: matcherFrom(decodeMatcher(reply.matcher)), onCountsChange: report });
  await parsed;
  if (ctx.isInvalid) {
    annotator.destroy();
    return undefined;
  }
  const card = new HoverCard((mention) => annotator.setHovered(mention));
  ctx.onInvalidated(() => {
    card.close();
    annotator.destroy();
  });

  listenForPageCommands(ctx, annotator, card);

  let active = false;
  const apply = (settings: Settings) => {
    const wasActive = active;
    active = isActiveOn(settings, location.hostname);
    annotator.setFilter((id) => active && settings.categories[categories.get(id)!] !== false);
    if (card.current && !annotator.shown.includes(card.current)) card.close();
    if (active && !wasActive) void annotator.start();
  };
  apply(initialSettings);
  ctx.onInvalidated(watchSettingsLight(apply));

  // Single-page apps change the URL without a load: the new view is a new page.
  // The event fires as navigation starts: the app renders the new view after it, so wait two frames.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    card.close();
    ctx.requestAnimationFrame(() =>
      ctx.requestAnimationFrame(() => {
        if (active) void annotator.reset();
      }),
    );
  });

  let pointer: { x: number; y: number } | undefined;
  let frame = 0;
  const onFrame = () => {
    frame = 0;
    annotator.updateViewport();
    if (pointer) card.hover(annotator.mentionAt(pointer.x, pointer.y));
    card.follow();
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(onFrame);
  };
  ctx.addEventListener(
    window,
    'pointermove',
    (event) => {
      pointer = { x: event.clientX, y: event.clientY };
      schedule();
    },
    { passive: true },
  );
  ctx.addEventListener(window, 'scroll', schedule, { passive: true, capture: true });
  ctx.addEventListener(window, 'resize', schedule, { passive: true });
  return annotator;
}

/** Sends the counts to the background, coalescing bursts of changes into one report. */
function throttledReporter(ctx: ContentScriptContext) {
  let latest: ReadonlyMap<string, number> | undefined;
  let timer: number | undefined;
  let lastSent = 0;
  const send = () => {
    timer = undefined;
    lastSent = performance.now();
    const counts: MentionCounts = Object.fromEntries(latest ?? []);
    void sendPageMessage({ type: 'tab/found', url: location.href, counts });
  };
  return (counts: ReadonlyMap<string, number>) => {
    latest = counts;
    if (timer !== undefined || ctx.isInvalid) return;
    const wait = Math.max(0, lastSent + REPORT_INTERVAL_MS - performance.now());
    timer = ctx.setTimeout(send, wait);
  };
}

/** Resolves once the page's HTML is parsed: what there is to read is all there. */
function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
