/**
 * The envelope every message shares: requests are objects with a `type`, replies
 * are `{ ok: true, ... }` or `{ ok: false, error }`. Kept apart from the message
 * tables so the annotator injected into pages bundles only the schemas it uses.
 */
import * as z from 'zod/mini';

/** Schemas by message type: of requests, or of the replies to them. */
export type Schemas = Record<string, z.ZodMiniType>;
export type Failure = { ok: false; error: string };

const ErrorReplySchema = z.lazy(() => z.object({ ok: z.literal(false), error: z.string() }));

/** One line per problem, with where it is: enough to debug a message, small enough to bundle anywhere. */
export function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(message)'}: ${issue.message}`).join('; ');
}

/** Validates a request against the table entry its `type` names. */
export function parseRequestIn<R>(requests: Schemas, raw: unknown): { ok: true; request: R } | Failure {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  const schema = typeof type === 'string' && Object.hasOwn(requests, type) ? requests[type] : undefined;
  if (!schema) return { ok: false, error: `Malformed request: unknown type ${JSON.stringify(type) ?? 'undefined'}` };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `Malformed request: ${describeIssues(parsed.error)}` };
  return { ok: true, request: parsed.data as R };
}

/** Validates a reply to a request of `type`; a malformed reply becomes an error reply. */
export function parseReplyIn(replies: Schemas, type: string, raw: unknown): { ok: true } | Failure {
  const failed = ErrorReplySchema.safeParse(raw);
  if (failed.success) return failed.data;
  if (typeof raw !== 'object' || raw === null || (raw as { ok?: unknown }).ok !== true) {
    return { ok: false, error: `Malformed reply to ${type}` };
  }
  const parsed = replies[type]!.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `Malformed reply to ${type}: ${describeIssues(parsed.error)}` };
  return { ok: true, ...(parsed.data as object) };
}

/** Runs a send and turns any thrown error (a stopped worker, a closed tab) into an error reply. */
export async function settle<R>(send: () => Promise<R>): Promise<R | Failure> {
  try {
    return await send();
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
