/**
 * The other half of the page's messages, validated by the page's peers and
 * never bundled into the page: the requests a page sends the background, and
 * the page's replies to the extension's commands.
 */
import * as z from 'zod/mini';
import { SlugSchema } from '../story/category';
import { parseReplyIn } from './envelope';
import type { PageMessageType, PageReply } from './page-protocol';

/** Mentions per entity id on one page. */
export const MentionCountsSchema = z.record(SlugSchema, z.int().check(z.minimum(1)));
export type MentionCounts = z.infer<typeof MentionCountsSchema>;

/** Page → background, validated by the background. */
export const pageSideRequests = {
  'matcher/get': z.object({ type: z.literal('matcher/get') }),
  'ui/load': z.object({ type: z.literal('ui/load') }),
  /** What this frame found, whenever it changes. */
  'tab/found': z.object({ type: z.literal('tab/found'), url: z.string(), counts: MentionCountsSchema }),
};
export type PageSideRequests = typeof pageSideRequests;

/** Page → extension: the replies to pageCommandRequests, validated by the sender. */
export const pageCommandReplies = {
  'page/reveal': z.object({ revealed: z.boolean() }),
  'page/next-mention': z.object({ revealed: z.boolean() }),
};
export type PageCommandReplies = typeof pageCommandReplies;

/** Validates a content script's reply to a page request of type `type`. */
export function parsePageReply<T extends PageMessageType>(type: T, raw: unknown): PageReply<T> {
  return parseReplyIn(pageCommandReplies, type, raw) as PageReply<T>;
}
