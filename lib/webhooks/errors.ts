import { UserFacingError } from '@/lib/errors';

/** A processing failure a retry cannot fix (revoked credentials, a payload the handler rejects). */
export class PermanentWebhookError extends UserFacingError {
  override name = 'PermanentWebhookError';
}

/** Permanent: ours, or Inngest's NonRetriableError thrown by a handler. */
export function isPermanentFailure(err: unknown): boolean {
  return err instanceof PermanentWebhookError || (err instanceof Error && err.name === 'NonRetriableError');
}
