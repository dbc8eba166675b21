/**
 * Every message between the extension's contexts, as Zod schemas: the receiver
 * validates each request, the sender validates each reply. Replies are always
 * `{ ok: true, ... }` or `{ ok: false, error }` so nothing throws across the boundary.
 * The page's own messages live in page-protocol.ts; this table adds the UI's.
 */
import * as z from 'zod/mini';
import { CategorySchema, EntitySchema, FactSchema, KeyPointSchema, SlugSchema } from '../story/schema';
import { parseReplyIn, parseRequestIn, type Failure } from './envelope';
import { pageSideRequests } from './page-peer';
import { pageSideReplies } from './page-protocol';

export * from './page-commands';
export * from './page-peer';
export * from './page-protocol';

export const EntityRefSchema = z.object({ id: SlugSchema, name: z.string(), category: CategorySchema });
export type EntityRef = z.infer<typeof EntityRefSchema>;

export const StorySummarySchema = z.object({
  id: SlugSchema,
  headline: z.string(),
  summary: z.array(KeyPointSchema),
});
export type StorySummary = z.infer<typeof StorySummarySchema>;

/** Everything a hover card shows for one entity, resolved by the background. */
export const EntityCardSchema = z.object({
  storyId: SlugSchema,
  headline: z.string(),
  entity: EntitySchema,
  facts: z.array(FactSchema),
  /** Every entity a fact names (subjects, speakers, sanctioning parties), for names and links. */
  refs: z.array(EntityRefSchema),
});
export type EntityCard = z.infer<typeof EntityCardSchema>;

const EntityIdsSchema = z.array(SlugSchema).check(z.maxLength(500));

export const FoundEntitySchema = z.object({
  id: SlugSchema,
  name: z.string(),
  category: CategorySchema,
  count: z.int().check(z.minimum(1)),
});
export type FoundEntity = z.infer<typeof FoundEntitySchema>;

/** Request schemas by type, with the reply fields each one answers with on success. */
export const protocol = {
  'page/annotate': { request: pageSideRequests['page/annotate'], reply: pageSideReplies['page/annotate'] },
  'matcher/get': { request: pageSideRequests['matcher/get'], reply: pageSideReplies['matcher/get'] },
  'ui/load': { request: pageSideRequests['ui/load'], reply: pageSideReplies['ui/load'] },
  'painter/load': { request: pageSideRequests['painter/load'], reply: pageSideReplies['painter/load'] },
  /** What this frame found, whenever it changes. */
  'tab/found': { request: pageSideRequests['tab/found'], reply: pageSideReplies['tab/found'] },
  'story/get': {
    request: z.object({ type: z.literal('story/get') }),
    reply: z.object({ story: StorySummarySchema }),
  },
  'entity/get': {
    request: z.object({ type: z.literal('entity/get'), entityId: SlugSchema }),
    reply: z.object({ card: EntityCardSchema }),
  },
  'entities/get': {
    request: z.object({ type: z.literal('entities/get'), entityIds: EntityIdsSchema }),
    reply: z.object({ cards: z.array(EntityCardSchema) }),
  },
  /** Popup → background: what was found on a tab (all its frames together). */
  'tab/get': {
    request: z.object({ type: z.literal('tab/get'), tabId: z.int().check(z.minimum(0)) }),
    reply: z.object({ url: z.string(), found: z.array(FoundEntitySchema) }),
  },
} as const;

export type MessageType = keyof typeof protocol;
export type Request<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type ReplyData<T extends MessageType> = z.infer<(typeof protocol)[T]['reply']>;
export type Reply<T extends MessageType> = ({ ok: true } & ReplyData<T>) | Failure;
export type AnyRequest = { [T in MessageType]: Request<T> }[MessageType];

const requests = Object.fromEntries(Object.entries(protocol).map(([type, entry]) => [type, entry.request]));
const replies = Object.fromEntries(Object.entries(protocol).map(([type, entry]) => [type, entry.reply]));

/** Validates a reply to a request of type `type`; a malformed reply becomes an error reply. */
export function parseReply<T extends MessageType>(type: T, raw: unknown): Reply<T> {
  return parseReplyIn(replies, type, raw) as Reply<T>;
}

/** Validates an incoming request of any type. */
export function parseRequest(raw: unknown): { ok: true; request: AnyRequest } | Failure {
  return parseRequestIn<AnyRequest>(requests, raw);
}
