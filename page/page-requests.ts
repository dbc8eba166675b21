import { browser } from 'wxt/browser';
import type { ScriptContext } from '../extension/script-context';
import { parsePageRequest, type AnyPageRequest, type CardAboveNews, type PageNotice, type PageRequest } from '../core/messages/page-commands';
import { holdsNames, stillReading } from './reading-mark';

/** A request about the page's names: each needs the names the page script found. */
export type NameRequest = Exclude<AnyPageRequest, { type: 'page/notice' | 'page/card-for-frame' | 'page/card-above-event' }>;

/**
 * What the card shows or hears at once, with or without names in the frame:
 * the keyboard command's notice; in the top frame, an embedded frame's card
 * (page/card-for-frames.ts), whether it shows it; in an embedded frame, what
 * became of the card the top frame shows for it (page/card-above.ts).
 */
export interface CardRequests {
  notice(kind: PageNotice): void;
  cardForFrame(request: Omit<PageRequest<'page/card-for-frame'>, 'type'>): Promise<boolean>;
  cardAboveEvent(news: CardAboveNews): void;
}
export type NameAnswer = { revealed: boolean; enter?: number };

/** Where the card script's one listener hands the requests about names, once the page script is there. */
export interface PageRequests {
  answerNames(answer: (request: NameRequest) => Promise<NameAnswer>): void;
}

/**
 * The card script's one listener for what the extension asks of its frame
 * (core/messages/page-commands.ts), from the script's start. A notice is the
 * card's to show at once: on a page without the story's names the page script
 * never starts, and the keyboard command has only its notice to give there.
 * A request about names before the page script is there is answered as
 * failed, as it was when nothing listened. "No names" is said only of a page
 * read (reading-mark.ts).
 */
export function listenForPageRequests(ctx: ScriptContext, card: CardRequests): PageRequests {
  let answer: ((request: NameRequest) => Promise<NameAnswer>) | undefined;
  const listener = (raw: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    const parsed = parsePageRequest(raw);
    if (!parsed.ok) {
      sendResponse(parsed);
      return false;
    }
    const { request } = parsed;
    if (request.type === 'page/notice') {
      // No name found yet is no page without names while the page is still being read (a large one, or one still
      // arriving), nor when the reading found names since the press was decided on: the next press goes to them.
      card.notice(request.notice === 'no-names' && (stillReading() || holdsNames()) ? 'reading' : request.notice);
      sendResponse({ ok: true });
      return false;
    }
    if (request.type === 'page/card-for-frame') {
      const { type: _type, ...asked } = request;
      card.cardForFrame(asked).then(
        (shown) => sendResponse({ ok: true, shown }),
        (error: unknown) => sendResponse({ ok: false, error: String(error) }),
      );
      return true;
    }
    if (request.type === 'page/card-above-event') {
      const { type: _type, ...news } = request;
      card.cardAboveEvent(news);
      sendResponse({ ok: true });
      return false;
    }
    if (!answer) {
      // The screen still reading a large page, or the annotator on its way: no name yet, which is not no name at all.
      const reading = request.type === 'page/next-mention' && stillReading();
      sendResponse(reading ? { ok: true, revealed: false, reading } : { ok: false, error: 'Backstory has not read this page' });
      return false;
    }
    answer(request).then(
      (answered) =>
        sendResponse(
          request.type === 'page/close-card'
            ? { ok: true }
            : { ok: true, ...answered, ...(request.type === 'page/next-mention' && !answered.revealed && stillReading() && { reading: true }) },
        ),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  return {
    answerNames(next) {
      answer = next;
    },
  };
}
