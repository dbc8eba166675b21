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
} as const;

export type MessageType = keyof typeof protocol;
export type Request<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type ReplyData<T extends MessageType> = z.infer<(typeof protocol)[T]['reply']>;
export type Reply<T extends MessageType> = ({ ok: true } & ReplyData<T>) | { ok: false; error: string };
export type AnyRequest = { [T in MessageType]: Request<T> }[MessageType];

export const AnyRequestSchema = z.discriminatedUnion(
  'type',
  Object.values(protocol).map((entry) => entry.request) as unknown as [
    (typeof protocol)[MessageType]['request'],
    ...(typeof protocol)[MessageType]['request'][],
  ],
);

const ErrorReplySchema = z.object({ ok: z.literal(false), error: z.string() });

/** Validates a reply to a request of type `type`; a malformed reply becomes an error reply. */
export function parseReply<T extends MessageType>(type: T, raw: unknown): Reply<T> {
  const failed = ErrorReplySchema.safeParse(raw);
  if (failed.success) return failed.data;
  if (typeof raw !== 'object' || raw === null || (raw as { ok?: unknown }).ok !== true) {
    return { ok: false, error: `Malformed reply to ${type}` };
  }
  const parsed = protocol[type].reply.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `Malformed reply to ${type}: ${z.prettifyError(parsed.error)}` };
  return { ok: true, ...(parsed.data as ReplyData<T>) };
}

/** Validates an incoming request of any type. */
export function parseRequest(raw: unknown): { ok: true; request: AnyRequest } | { ok: false; error: string } {
  const parsed = AnyRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `Malformed request: ${z.prettifyError(parsed.error)}` };
  return { ok: true, request: parsed.data as AnyRequest };
}
