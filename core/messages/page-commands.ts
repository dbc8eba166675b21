/**
 * What the popup and the keyboard command ask of a page (tabs.sendMessage) and
 * its answers. The card script answers them, so these schemas are bundled
 * there and in the extension's pages, never into the annotator.
 */
import * as z from 'zod/mini';
import { once } from '../once';
import { SlugSchema } from '../story/slug';
import { parseReplyIn, parseRequestIn, type Failure } from './envelope';

/**
 * What the keyboard command tells the reader on the page, where its press
 * would otherwise seem to do nothing, or to jump: no name from the story to go
 * to, or only names of categories switched off; Backstory switched off
 * (everywhere, or on the page's site); or the walk gone round past the page's
 * last name to its first. `reading`: the page is still being read, which the
 * top frame says in place of `no-names` while its first reading is under way.
 */
export const PAGE_NOTICES = ['no-names', 'reading', 'categories-off', 'off-everywhere', 'off-on-site', 'round'] as const;
export type PageNotice = (typeof PAGE_NOTICES)[number];

/** An embedded frame by its index among its parent's frames (`frames[index]` there). */
const frameIndex = () => z.int().check(z.minimum(0));

/** A name's box in its frame's viewport (page/card-bridge.ts AnchorBox), in CSS pixels. */
export const AnchorBoxSchema = z.lazy(() =>
  z.object({
    x: z.number(),
    y: z.number(),
    width: z.number().check(z.nonnegative()),
    height: z.number().check(z.nonnegative()),
    nameTop: z.optional(z.number()),
    nameBottom: z.optional(z.number()),
  }),
);

/**
 * What becomes of a card the top frame shows for an embedded frame too small
 * to hold one (page/card-above.ts): `closed` by itself (Escape, a press
 * outside it, the pointer gone from it to the page, its frame scrolled away, or
 * another card in its place); the pointer or the focus `engaged` in it, or
 * `released` from it.
 */
export const CARD_ABOVE_EVENTS = ['closed', 'engaged', 'released'] as const;
export type CardAboveEvent = (typeof CARD_ABOVE_EVENTS)[number];

/**
 * With `closed`, when the reader's focus was in the card: the top frame gave
 * it to the frame, which puts it by the name (`place`), or on its next control
 * after the name (`after`: Tab went past the card's last control), as the
 * frame's own card would have.
 */
export const CARD_FOCUS_BACK = ['place', 'after'] as const;
export type CardFocusBack = (typeof CARD_FOCUS_BACK)[number];

/** What the top frame tells an embedded frame of the card it shows for it, of the showing `ask`. */
export interface CardAboveNews {
  event: CardAboveEvent;
  ask: number;
  focus?: CardFocusBack;
}

export const cardAboveEventFields = () => ({ event: z.enum(CARD_ABOVE_EVENTS), ask: askNumber(), focus: z.optional(z.enum(CARD_FOCUS_BACK)) });

/**
 * Show, move or hide the card for a frame: `entityId` and `anchor` to show;
 * `anchor` alone to move; neither to hide. `pinned`: a card the reader asked
 * for (a tap), which the pointer leaving it leaves open. `focus`: one the
 * keyboard or the popup opened, which takes the keyboard focus. `ask`: the
 * showing's number.
 */
export const cardAboveFields = () => ({
  entityId: z.optional(SlugSchema),
  anchor: z.optional(AnchorBoxSchema),
  pinned: z.optional(z.boolean()),
  focus: z.optional(z.boolean()),
  ask: z.optional(askNumber()),
});

/**
 * The number the frame gave the showing of a card (its `ask`), which the top
 * frame's word of what became of it carries: a frame that asked for another
 * card since takes no word of the one before for its own.
 */
export const askNumber = () => z.int().check(z.minimum(0));

/** Extension → page, validated by the page on receipt. Built on first use (core/story/schema.ts tells why). */
const pageCommandRequests = once(() => ({
  /** Scroll to the next mention of the entity and open its card. */
  'page/reveal': z.object({ type: z.literal('page/reveal'), entityId: SlugSchema }),
  /**
   * The keyboard command: focus the next mention in view and open its card.
   * `fromStart`: the frame's first (in view first), whatever was revealed before;
   * `round`: with `fromStart`, the walk going round to the top past the page's
   * last name: the first in reading order, in view or not (in view first, the
   * names at the bottom of a page just walked would come again and again);
   * `wrap: false`: none after the last one revealed, so the background moves on
   * to the next frame of the page that names the story.
   * `frames`: the frames embedded in this one (their indices in `frames`) that
   * name the story, or hold one that does: stops of the walk where their
   * elements stand, answered `enter` instead of revealing a name after them.
   * `after`: on from after that frame's element (the walk is back from its names).
   */
  'page/next-mention': z.object({
    type: z.literal('page/next-mention'),
    fromStart: z.optional(z.boolean()),
    round: z.optional(z.boolean()),
    wrap: z.optional(z.boolean()),
    frames: z.optional(z.array(frameIndex())),
    after: z.optional(frameIndex()),
  }),
  /** The reveal moved on to another frame: the card this one shows for it closes. */
  'page/close-card': z.object({ type: z.literal('page/close-card') }),
  /** What the keyboard command did, when the reader could not tell by what they see (PageNotice). Shown by the top frame. */
  'page/notice': z.object({ type: z.literal('page/notice'), notice: z.enum(PAGE_NOTICES) }),
  /**
   * To the top frame: the card of the embedded frame `frameId`, which is its
   * `frame`th (`frames[frame]`; told to show it), shown, moved or hidden (cardAboveFields), by
   * the name's box in that frame's viewport.
   */
  'page/card-for-frame': z.object({
    type: z.literal('page/card-for-frame'),
    frameId: z.int().check(z.minimum(1)),
    frame: z.optional(frameIndex()),
    ...cardAboveFields(),
  }),
  /** To an embedded frame: what became of the card the top frame shows for it. */
  'page/card-above-event': z.object({ type: z.literal('page/card-above-event'), ...cardAboveEventFields() }),
}));

/** Page → extension: the replies, validated by the sender. */
const pageCommandReplies = once(() => ({
  'page/reveal': z.object({ revealed: z.boolean() }),
  // `reading`: none revealed, the frame still reading its page (page/reading-mark.ts): its names may be yet to come.
  'page/next-mention': z.object({ revealed: z.boolean(), enter: z.optional(frameIndex()), reading: z.optional(z.boolean()) }),
  'page/close-card': z.object({}),
  'page/notice': z.object({}),
  'page/card-for-frame': z.object({ shown: z.boolean() }),
  'page/card-above-event': z.object({}),
}));

type PageCommandRequests = ReturnType<typeof pageCommandRequests>;
export type PageMessageType = keyof PageCommandRequests;
export type PageRequest<T extends PageMessageType> = z.infer<PageCommandRequests[T]>;
export type PageReplyData<T extends PageMessageType> = z.infer<ReturnType<typeof pageCommandReplies>[T]>;
export type PageReply<T extends PageMessageType> = ({ ok: true } & PageReplyData<T>) | Failure;
export type AnyPageRequest = { [T in PageMessageType]: PageRequest<T> }[PageMessageType];

/** Validates a request the page received from the extension. */
export function parsePageRequest(raw: unknown): { ok: true; request: AnyPageRequest } | Failure {
  return parseRequestIn<AnyPageRequest>(pageCommandRequests(), raw);
}

/** Validates a page's reply to a command of type `type`. */
export function parsePageReply<T extends PageMessageType>(type: T, raw: unknown): PageReply<T> {
  return parseReplyIn(pageCommandReplies(), type, raw) as PageReply<T>;
}
