import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parsePageRequest, type AnyPageRequest } from '../core/messages/page-commands';
import type { PageMention } from './find-mentions';
import { anchorOf, type HoverCard } from './hover-card';
import type { PageAnnotator } from './page-annotator';
import { nextMention } from './reveal';

/**
 * Answers what the popup and the keyboard command ask of this page: reveal a
 * mention (scroll it into view) and open its card.
 */
export function listenForPageCommands(ctx: ContentScriptContext, annotator: PageAnnotator, card: HoverCard): void {
  let lastRevealed: PageMention | undefined;

  const reveal = async (request: AnyPageRequest): Promise<boolean> => {
    const current = card.current ?? lastRevealed;
    const mention =
      request.type === 'page/reveal'
        ? nextMention(annotator.shown, current, (m) => m.entityId === request.entityId)
        : nextMention(annotator.shown, current, () => true, boxOf, innerHeight);
    if (!mention) return false;
    lastRevealed = mention;
    const box = boxOf(mention);
    if (box.top < 0 || box.bottom > innerHeight) {
      mention.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
    annotator.updateViewport();
    card.open(mention, { focus: request.type === 'page/next-mention' });
    return true;
  };

  const listener = (raw: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    const parsed = parsePageRequest(raw);
    if (!parsed.ok) {
      sendResponse(parsed);
      return false;
    }
    reveal(parsed.request).then(
      (revealed) => sendResponse({ ok: true, revealed }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

function boxOf(mention: PageMention) {
  const anchor = anchorOf(mention);
  return { top: anchor.y, bottom: anchor.y + anchor.height };
}
