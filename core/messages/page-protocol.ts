/**
 * What the script injected into every page validates: the background's replies
 * to it, and the requests the extension sends it. Only these schemas are
 * bundled there; what the page's peers validate (the page's requests, its
 * replies) is in page-peer.ts, and the rest of the protocol in protocol.ts.
 */
import * as z from 'zod/mini';
import { CategorySchema, SlugSchema } from '../story/category';
import { parseReplyIn, parseRequestIn, type Failure } from './envelope';
import type { PageCommandReplies, PageSideRequests } from './page-peer';

/**
 * The story compiled by the background (core/matcher/wire.ts): a string of
 * tables that validates in constant time; decoding checks their structure.
 */
export const MatcherWireSchema = z.object({
  version: z.number(),
  entityIds: z.array(z.string()),
  aliases: z.array(z.string()),
  tables: z.string(),
});

/** What the content script needs to filter mentions by category: no prose, no facts. */
export const PageEntitySchema = z.object({ id: z.string(), category: CategorySchema });

/** Background → page: the replies to the page's requests (page-peer.ts has the requests). */
export const pageSideReplies = {
  'matcher/get': z.object({ storyId: z.string(), entities: z.array(PageEntitySchema), matcher: MatcherWireSchema }),
  'ui/load': z.object({}),
  'tab/found': z.object({}),
};

/**
 * Extension → page: what the popup and the keyboard command ask of a page
 * (tabs.sendMessage), validated there on receipt.
 */
export const pageCommandRequests = {
  /** Scroll to the next mention of the entity and open its card. */
  'page/reveal': z.object({ type: z.literal('page/reveal'), entityId: SlugSchema }),
  /** The keyboard command: focus the next mention in view and open its card. */
  'page/next-mention': z.object({ type: z.literal('page/next-mention') }),
};

export type PageSideType = keyof typeof pageSideReplies;
export type PageSideRequest<T extends PageSideType> = z.infer<PageSideRequests[T]>;
export type PageSideReply<T extends PageSideType> = ({ ok: true } & z.infer<(typeof pageSideReplies)[T]>) | Failure;

export type PageMessageType = keyof typeof pageCommandRequests;
export type PageRequest<T extends PageMessageType> = z.infer<(typeof pageCommandRequests)[T]>;
export type PageReplyData<T extends PageMessageType> = z.infer<PageCommandReplies[T]>;
export type PageReply<T extends PageMessageType> = ({ ok: true } & PageReplyData<T>) | Failure;
export type AnyPageRequest = { [T in PageMessageType]: PageRequest<T> }[PageMessageType];

/** Validates the background's reply to a page's request. */
export function parsePageSideReply<T extends PageSideType>(type: T, raw: unknown): PageSideReply<T> {
  return parseReplyIn(pageSideReplies, type, raw) as PageSideReply<T>;
}

/** Validates a request the content script received from the extension. */
export function parsePageRequest(raw: unknown): { ok: true; request: AnyPageRequest } | Failure {
  return parseRequestIn<AnyPageRequest>(pageCommandRequests, raw);
}
