/**
 * What the annotator injected into pages validates: the background's replies
 * to its requests. Only these schemas are bundled there; the requests
 * themselves are validated by the background (page-peer.ts), and the commands
 * the extension sends pages are answered by the card script (page-commands.ts).
 */
import * as z from 'zod/mini';
import { MATCHER_WIRE_VERSION } from '../matcher/wire';
import { once } from '../once';
import { parseReplyIn, type Failure } from './envelope';
import type { PageSideRequests } from './page-peer';

/**
 * The story compiled by the background (core/matcher/wire.ts): a string of
 * tables that validates in constant time; decoding checks their structure.
 * A page script of another version than the background's (an update that
 * half-happened) is told so here.
 */
export const MatcherWireSchema = z.lazy(() =>
  z.object({
    version: z.literal(MATCHER_WIRE_VERSION),
    entityIds: z.array(z.string()),
    aliases: z.array(z.string()),
    tables: z.string(),
    anchors: z.nullable(z.object({ plain: z.array(z.string()), withInvisibles: z.array(z.string()) })),
  }),
);

/**
 * What the content script needs to filter mentions by category: no prose, no
 * facts. Any string: a category the page does not know has no switch, so its
 * mentions show (and the page script carries no enum schema for it).
 */
export const PageEntitySchema = z.lazy(() => z.object({ id: z.string(), category: z.string() }));

/** Background → page: the replies to the page's requests. Built on first use (core/story/schema.ts tells why). */
export const pageSideReplies = once(() => ({
  /** False where Backstory is off: the frame then asks again when the settings change. */
  'page/annotate': z.object({ annotated: z.boolean() }),
  /**
   * With the reader's settings as the background read them: the annotator need not wait for storage before it starts;
   * and the site they apply to in this frame (its tab's hostname: a frame has none of its own, or another).
   */
  'matcher/get': z.object({
    storyId: z.string(),
    entities: z.array(PageEntitySchema),
    matcher: MatcherWireSchema,
    settings: z.unknown(),
    site: z.string(),
  }),
  'ui/load': z.object({}),
  'painter/load': z.object({}),
  'tab/found': z.object({}),
  /** Whether another document of the tab has the focus now (the reader clicked into the page around the frame). */
  'focus/left': z.object({ elsewhere: z.boolean() }),
  'card/escape-watch': z.object({}),
  'card/escape': z.object({}),
}));
type PageSideReplies = ReturnType<typeof pageSideReplies>;

export type PageSideType = keyof PageSideReplies;
export type PageSideRequest<T extends PageSideType> = z.infer<PageSideRequests[T]>;
export type PageSideReply<T extends PageSideType> = ({ ok: true } & z.infer<PageSideReplies[T]>) | Failure;

/** Validates the background's reply to a page's request. */
export function parsePageSideReply<T extends PageSideType>(type: T, raw: unknown): PageSideReply<T> {
  return parseReplyIn(pageSideReplies(), type, raw) as PageSideReply<T>;
}
