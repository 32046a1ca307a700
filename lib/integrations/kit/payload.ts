import { z, type ZodType } from 'zod';
import { InvalidWebhookPayloadError } from './errors';

export const jsonObjectSchema = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof jsonObjectSchema>;

/** Parses a verified body; null when it is not a JSON object (→ 400 after verification). */
export function parseJsonObject(text: string): JsonObject | null {
  try {
    const parsed = jsonObjectSchema.safeParse(JSON.parse(text));
    return parsed.success && storableJson(parsed.data) ? parsed.data : null;
  } catch {
    return null;
  }
}

const MAX_DEPTH = 64;

/**
 * Postgres jsonb refuses NUL characters and lone surrogates, and very deep nesting: such a
 * body is malformed for us (400), not a storage failure (503 would make the sender retry
 * forever).
 */
export function storableJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'string') return value.isWellFormed() && !value.includes('\0');
  if (Array.isArray(value)) return value.every((v) => storableJson(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).every(([k, v]) => storableJson(k, depth) && storableJson(v, depth + 1));
  }
  return true;
}

/** A provider's delivery id as we store it: bounded length, printable characters only. */
export const deliveryIdSchema = z.string().trim().min(1).max(255).regex(/^[\x21-\x7e]+$/);

export const malformed = (reason: string) => ({ ok: false as const, status: 400 as const, reason });
export const unauthorized = (reason: string) => ({ ok: false as const, status: 401 as const, reason });

/**
 * Parses a delivery payload with a provider's schema; on mismatch throws
 * InvalidWebhookPayloadError naming the first wrong field (its path and zod's message, never the value).
 */
export function parseWebhookPayload<T>(schema: ZodType<T>, payload: unknown, label: string): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(payload)';
  throw new InvalidWebhookPayloadError(`${label} payload is malformed: ${field}: ${issue?.message ?? 'invalid'}`);
}
