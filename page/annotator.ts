import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher } from '../core/matcher';
import { isActiveOn, type Settings } from '../core/settings';
import type { Category } from '../core/story/schema';
import { sendMessage } from '../extension/send-message';
import { readSettings, watchSettings } from '../extension/settings-store';
import { findMentions, type PageMention } from './find-mentions';
import { Highlighter, supportsHighlights } from './highlighter';
import { mentionAtPoint } from './hit-test';
import { HoverCard } from './hover-card';
import { MentionIndex } from './mention-index';

/**
 * The page side of Backstory: text → matches → highlights → card.
 * Resolves with the number of mentions found.
 */
export async function startAnnotator(ctx: ContentScriptContext): Promise<number> {
  const [reply, initialSettings] = await Promise.all([sendMessage({ type: 'matcher/get' }), readSettings()]);
  if (!reply.ok) throw new Error(`No story to match: ${reply.error}`);
  if (!supportsHighlights()) return 0;

  const categories = new Map<string, Category>(reply.entities.map((e) => [e.id, e.category]));
  const matcher = compileMatcher(reply.entities);
  const mentions = findMentions(document.body ?? document.documentElement, matcher);
  if (mentions.length === 0 || ctx.isInvalid) return 0;

  const highlighter = new Highlighter();
  const card = new HoverCard((mention) => highlighter.setHovered(mention));
  ctx.onInvalidated(() => {
    card.close();
    highlighter.destroy();
  });

  let index = new MentionIndex([]);
  const apply = (settings: Settings) => {
    const visible: PageMention[] = isActiveOn(settings, location.hostname)
      ? mentions.filter((m) => settings.categories[categories.get(m.entityId)!] !== false)
      : [];
    index = new MentionIndex(visible);
    highlighter.setMentions(visible);
    if (card.current && !visible.includes(card.current)) card.close();
  };
  apply(initialSettings);
  ctx.onInvalidated(watchSettings(apply));

  const probe = document.createRange();
  let pointer: { x: number; y: number } | undefined;
  let frame = 0;
  const onFrame = () => {
    frame = 0;
    highlighter.update();
    if (pointer) card.hover(mentionAtPoint(index, pointer.x, pointer.y, probe));
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
  return mentions.length;
}
