/**
 * Every message between the extension's contexts, as Zod schemas: the receiver
 * validates each request, the sender validates each reply. Replies are always
 * `{ ok: true, ... }` or `{ ok: false, error }` so nothing throws across the boundary.
 */
import * as z from 'zod/mini';
import {
  AliasSchema,
  CategorySchema,
  EntitySchema,
  FactSchema,
  KeyPointSchema,
  SlugSchema,
} from '../story/schema';

export const EntityRefSchema = z.object({ id: SlugSchema, name: z.string(), category: CategorySchema });
export type EntityRef = z.infer<typeof EntityRefSchema>;

/** What the content script needs to recognise mentions: no prose, no facts. */
export const MatchableEntitySchema = z.object({
  id: SlugSchema,
  name: z.string(),
  category: CategorySchema,
  aliases: z.array(AliasSchema),
});

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

/** Mentions per entity id on one page. */
export const MentionCountsSchema = z.record(SlugSchema, z.int().check(z.minimum(1)));
export type MentionCounts = z.infer<typeof MentionCountsSchema>;

export const FoundEntitySchema = z.object({
  id: SlugSchema,
  name: z.string(),
  category: CategorySchema,
  count: z.int().check(z.minimum(1)),
});
export type FoundEntity = z.infer<typeof FoundEntitySchema>;

/** Request schemas by type, with the reply fields each one answers with on success. */
export const protocol = {
  'story/get': {
    request: z.object({ type: z.literal('story/get') }),
    reply: z.object({ story: StorySummarySchema }),
  },
  'matcher/get': {
    request: z.object({ type: z.literal('matcher/get') }),
    reply: z.object({ storyId: SlugSchema, entities: z.array(MatchableEntitySchema) }),
  },
  'entity/get': {
    request: z.object({ type: z.literal('entity/get'), entityId: SlugSchema }),
    reply: z.object({ card: EntityCardSchema }),
  },
  'entities/get': {
    request: z.object({ type: z.literal('entities/get'), entityIds: EntityIdsSchema }),
    reply: z.object({ cards: z.array(EntityCardSchema) }),
  },
  'ui/load': {
    request: z.object({ type: z.literal('ui/load') }),
    reply: z.object({}),
  },
  /** Content script → background: what this frame found, whenever it changes. */
  'tab/found': {
    request: z.object({ type: z.literal('tab/found'), url: z.string(), counts: MentionCountsSchema }),
    reply: z.object({}),
  },
  /** Popup → background: what was found on a tab (all its frames together). */
  'tab/get': {
    request: z.object({ type: z.literal('tab/get'), tabId: z.int().check(z.minimum(0)) }),
    reply: z.object({ url: z.string(), found: z.array(FoundEntitySchema) }),
  },
} as const;

/**
 * Messages the extension sends INTO a page's content script (tabs.sendMessage),
 * validated there on receipt; replies follow the same `{ ok }` convention.
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

export type MessageType = keyof typeof protocol;
export type Request<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type ReplyData<T extends MessageType> = z.infer<(typeof protocol)[T]['reply']>;
export type Reply<T extends MessageType> = ({ ok: true } & ReplyData<T>) | { ok: false; error: string };
export type AnyRequest = { [T in MessageType]: Request<T> }[MessageType];

export type PageMessageType = keyof typeof pageProtocol;
export type PageRequest<T extends PageMessageType> = z.infer<(typeof pageProtocol)[T]['request']>;
export type PageReplyData<T extends PageMessageType> = z.infer<(typeof pageProtocol)[T]['reply']>;
export type PageReply<T extends PageMessageType> = ({ ok: true } & PageReplyData<T>) | { ok: false; error: string };
export type AnyPageRequest = { [T in PageMessageType]: PageRequest<T> }[PageMessageType];

type Table = Record<string, { request: z.ZodMiniType; reply: z.ZodMiniType }>;

export const AnyRequestSchema = z.discriminatedUnion(
  'type',
  Object.values(protocol).map((entry) => entry.request) as unknown as [
    (typeof protocol)[MessageType]['request'],
    ...(typeof protocol)[MessageType]['request'][],
  ],
);

export const AnyPageRequestSchema = z.discriminatedUnion(
  'type',
  Object.values(pageProtocol).map((entry) => entry.request) as unknown as [
    (typeof pageProtocol)[PageMessageType]['request'],
    ...(typeof pageProtocol)[PageMessageType]['request'][],
  ],
);

const ErrorReplySchema = z.object({ ok: z.literal(false), error: z.string() });

function parseReplyIn(table: Table, type: string, raw: unknown): { ok: true } | { ok: false; error: string } {
  const failed = ErrorReplySchema.safeParse(raw);
  if (failed.success) return failed.data;
  if (typeof raw !== 'object' || raw === null || (raw as { ok?: unknown }).ok !== true) {
    return { ok: false, error: `Malformed reply to ${type}` };
  }
  const parsed = table[type]!.reply.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `Malformed reply to ${type}: ${z.prettifyError(parsed.error)}` };
  return { ok: true, ...(parsed.data as object) };
}

function parseRequestIn<R>(schema: z.ZodMiniType, raw: unknown): { ok: true; request: R } | { ok: false; error: string } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `Malformed request: ${z.prettifyError(parsed.error)}` };
  return { ok: true, request: parsed.data as R };
}

/** Validates a reply to a request of type `type`; a malformed reply becomes an error reply. */
export function parseReply<T extends MessageType>(type: T, raw: unknown): Reply<T> {
  return parseReplyIn(protocol, type, raw) as Reply<T>;
}

/** Validates an incoming request of any type. */
export function parseRequest(raw: unknown): { ok: true; request: AnyRequest } | { ok: false; error: string } {
  return parseRequestIn<AnyRequest>(AnyRequestSchema, raw);
}

/** Validates a content script's reply to a page request of type `type`. */
export function parsePageReply<T extends PageMessageType>(type: T, raw: unknown): PageReply<T> {
  return parseReplyIn(pageProtocol, type, raw) as PageReply<T>;
}

/** Validates a request the content script received from the extension. */
export function parsePageRequest(raw: unknown): { ok: true; request: AnyPageRequest } | { ok: false; error: string } {
  return parseRequestIn<AnyPageRequest>(AnyPageRequestSchema, raw);
}
