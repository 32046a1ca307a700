import type { ZodType } from 'zod';
import { UserFacingError } from '@/lib/errors';

/** A processing failure a retry cannot fix (revoked credentials, a payload the handler rejects). */
export class PermanentWebhookError extends UserFacingError {
  override name = 'PermanentWebhookError';
}

/**
 * A verified delivery whose payload is not the shape the handler needs (fails the provider's
 * schema). Permanent, and kept apart from failures: the delivery is marked `invalid`, never
 * retried, and not part of "Replay all failed".
 */
export class InvalidWebhookPayloadError extends PermanentWebhookError {
  override name = 'InvalidWebhookPayloadError';
}

/** Permanent: ours, or Inngest's NonRetriableError thrown by a handler. */
export function isPermanentFailure(err: unknown): boolean {
  return err instanceof PermanentWebhookError || (err instanceof Error && err.name === 'NonRetriableError');
}

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
