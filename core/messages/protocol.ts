/**
 * Every message between the extension's contexts, as Zod schemas: the receiver
 * validates each request, the sender validates each reply. Replies are always
 * `{ ok: true, ... }` or `{ ok: false, error }` so nothing throws across the boundary.
 * The page's own messages live in page-protocol.ts; this table adds the UI's.
 */
import * as z from 'zod/mini';
import { once } from '../once';
import { CategorySchema, EntitySchema, FactSchema, KeyPointSchema, SlugSchema } from '../story/schema';
import { parseReplyIn, parseRequestIn, type Failure } from './envelope';
import { cardAboveEventFields, cardAboveFields } from './page-commands';
import { MOST_ENTITY_IDS, pageSideRequests } from './page-peer';
import { pageSideReplies } from './page-protocol';

export * from './page-commands';
export * from './page-peer';
export * from './page-protocol';

// Each built on first use (core/story/schema.ts tells why).
export const EntityRefSchema = z.lazy(() => z.object({ id: SlugSchema, name: z.string(), category: CategorySchema }));
export type EntityRef = z.infer<typeof EntityRefSchema>;

export const StorySummarySchema = z.lazy(() =>
  z.object({
    id: SlugSchema,
    headline: z.string(),
    summary: z.array(KeyPointSchema),
  }),
);
export type StorySummary = z.infer<typeof StorySummarySchema>;

/** Everything a hover card shows for one entity, resolved by the background. */
export const EntityCardSchema = z.lazy(() =>
  z.object({
    storyId: SlugSchema,
    headline: z.string(),
    entity: EntitySchema,
    facts: z.array(FactSchema),
    /** Every entity a fact names (subjects, speakers, sanctioning parties), for names and links. */
    refs: z.array(EntityRefSchema),
  }),
);
export type EntityCard = z.infer<typeof EntityCardSchema>;

const entityIdsSchema = () => z.array(SlugSchema).check(z.maxLength(MOST_ENTITY_IDS));

export const FoundEntitySchema = z.lazy(() =>
  z.object({
    id: SlugSchema,
    name: z.string(),
    category: CategorySchema,
    count: z.int().check(z.minimum(1)),
    /** The frame of the tab the popup reveals it in: the top frame (0) where it is named there. */
    frameId: z.int().check(z.minimum(0)),
  }),
);
export type FoundEntity = z.infer<typeof FoundEntitySchema>;

/** Request schemas by type, with the reply fields each one answers with on success. Built on first use. */
const protocol = once(() => ({
  'page/annotate': { request: pageSideRequests()['page/annotate'], reply: pageSideReplies()['page/annotate'] },
  'matcher/get': { request: pageSideRequests()['matcher/get'], reply: pageSideReplies()['matcher/get'] },
  'ui/load': { request: pageSideRequests()['ui/load'], reply: pageSideReplies()['ui/load'] },
  'painter/load': { request: pageSideRequests()['painter/load'], reply: pageSideReplies()['painter/load'] },
  /** What this frame found, whenever it changes. */
  'tab/found': { request: pageSideRequests()['tab/found'], reply: pageSideReplies()['tab/found'] },
  'focus/left': { request: pageSideRequests()['focus/left'], reply: pageSideReplies()['focus/left'] },
  'card/escape-watch': { request: pageSideRequests()['card/escape-watch'], reply: pageSideReplies()['card/escape-watch'] },
  'card/escape': { request: pageSideRequests()['card/escape'], reply: pageSideReplies()['card/escape'] },
  'story/get': {
    request: z.object({ type: z.literal('story/get') }),
    reply: z.object({ story: StorySummarySchema }),
  },
  'entity/get': {
    request: z.object({ type: z.literal('entity/get'), entityId: SlugSchema }),
    reply: z.object({ card: EntityCardSchema }),
  },
  'entities/get': {
    request: z.object({ type: z.literal('entities/get'), entityIds: entityIdsSchema() }),
    reply: z.object({ cards: z.array(EntityCardSchema) }),
  },
  /**
   * An embedded frame too small to hold a card asks the top frame to show it
   * (page/card-above.ts): `entityId` and `anchor` (the name's box in the
   * frame's viewport) to show it, `anchor` alone to move it, neither to hide
   * it. `shown`: whether the top frame shows it; else the frame shows its own.
   */
  'card/above': {
    request: z.object({ type: z.literal('card/above'), ...cardAboveFields() }),
    reply: z.object({ shown: z.boolean() }),
  },
  /** The top frame tells the frame `frameId` what became of the card it shows for it. */
  'card/above-event': {
    request: z.object({ type: z.literal('card/above-event'), frameId: z.int().check(z.minimum(1)), ...cardAboveEventFields() }),
    reply: z.object({}),
  },
  /** Popup → background: what was found on a tab (all its frames together). */
  'tab/get': {
    request: z.object({ type: z.literal('tab/get'), tabId: z.int().check(z.minimum(0)) }),
    /** `loading`: the tab's page has not finished loading; its frames are read once it has, and may not have reported yet. */
    reply: z.object({ url: z.string(), found: z.array(FoundEntitySchema), loading: z.optional(z.boolean()) }),
  },
}));
type Protocol = ReturnType<typeof protocol>;

export type MessageType = keyof Protocol;
export type Request<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ReplyData<T extends MessageType> = z.infer<Protocol[T]['reply']>;
export type Reply<T extends MessageType> = ({ ok: true } & ReplyData<T>) | Failure;
export type AnyRequest = { [T in MessageType]: Request<T> }[MessageType];

const requests = once(() => Object.fromEntries(Object.entries(protocol()).map(([type, entry]) => [type, entry.request])));
const replies = once(() => Object.fromEntries(Object.entries(protocol()).map(([type, entry]) => [type, entry.reply])));

/** Validates a reply to a request of type `type`; a malformed reply becomes an error reply. */
export function parseReply<T extends MessageType>(type: T, raw: unknown): Reply<T> {
  return parseReplyIn(replies(), type, raw) as Reply<T>;
}

/** Validates an incoming request of any type. */
export function parseRequest(raw: unknown): { ok: true; request: AnyRequest } | Failure {
  return parseRequestIn<AnyRequest>(requests(), raw);
}
