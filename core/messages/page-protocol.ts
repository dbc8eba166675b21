/**
 * The messages the script injected into every page takes part in: what it asks
 * the background, and what the extension asks of it. Only these schemas are
 * bundled into that script; the rest of the protocol is in protocol.ts.
 */
import * as z from 'zod/mini';
import { AliasSchema, CategorySchema, SlugSchema } from '../story/schema';
import { parseReplyIn, parseRequestIn, type Failure } from './envelope';

/** What the content script needs to recognise mentions: no prose, no facts. */
export const MatchableEntitySchema = z.object({
  id: SlugSchema,
  name: z.string(),
  category: CategorySchema,
  aliases: z.array(AliasSchema),
});

/** Mentions per entity id on one page. */
export const MentionCountsSchema = z.record(SlugSchema, z.int().check(z.minimum(1)));
export type MentionCounts = z.infer<typeof MentionCountsSchema>;

/** Page → background. */
export const pageRequests = {
  'matcher/get': {
    request: z.object({ type: z.literal('matcher/get') }),
    reply: z.object({ storyId: SlugSchema, entities: z.array(MatchableEntitySchema) }),
  },
  'ui/load': {
    request: z.object({ type: z.literal('ui/load') }),
    reply: z.object({}),
  },
  /** What this frame found, whenever it changes. */
  'tab/found': {
    request: z.object({ type: z.literal('tab/found'), url: z.string(), counts: MentionCountsSchema }),
    reply: z.object({}),
  },
} as const;

/**
 * Extension → page: what the popup and the keyboard command ask of a page
 * (tabs.sendMessage), validated there on receipt.
 */
export const pageProtocol = {
  /** Scroll to the next mention of the entity and open its card. */
  'page/reveal': {
    request: z.object({ type: z.literal('page/reveal'), entityId: SlugSchema }),
    reply: z.object({ revealed: z.boolean() }),
  },
  /** The keyboard command: focus the next mention in view and open its card. */
  'page/next-mention': {
    request: z.object({ type: z.literal('page/next-mention') }),
    reply: z.object({ revealed: z.boolean() }),
  },
} as const;

export type PageSideType = keyof typeof pageRequests;
export type PageSideRequest<T extends PageSideType> = z.infer<(typeof pageRequests)[T]['request']>;
export type PageSideReply<T extends PageSideType> =
  | ({ ok: true } & z.infer<(typeof pageRequests)[T]['reply']>)
  | Failure;

export type PageMessageType = keyof typeof pageProtocol;
export type PageRequest<T extends PageMessageType> = z.infer<(typeof pageProtocol)[T]['request']>;
export type PageReplyData<T extends PageMessageType> = z.infer<(typeof pageProtocol)[T]['reply']>;
export type PageReply<T extends PageMessageType> = ({ ok: true } & PageReplyData<T>) | Failure;
export type AnyPageRequest = { [T in PageMessageType]: PageRequest<T> }[PageMessageType];

/** Validates the background's reply to a page's request. */
export function parsePageSideReply<T extends PageSideType>(type: T, raw: unknown): PageSideReply<T> {
  return parseReplyIn(pageRequests, type, raw) as PageSideReply<T>;
}

/** Validates a content script's reply to a page request of type `type`. */
export function parsePageReply<T extends PageMessageType>(type: T, raw: unknown): PageReply<T> {
  return parseReplyIn(pageProtocol, type, raw) as PageReply<T>;
}

/** Validates a request the content script received from the extension. */
export function parsePageRequest(raw: unknown): { ok: true; request: AnyPageRequest } | Failure {
  return parseRequestIn<AnyPageRequest>(pageProtocol, raw);
}
