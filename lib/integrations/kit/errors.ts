import { UserFacingError } from '@/lib/errors';

/**
 * Thrown by a provider when its API quota is exhausted: the sync is not failed, it pauses
 * until `resumeAt` and continues from its last saved cursor (Inngest: step.sleepUntil;
 * in process: a timer).
 */
export class SyncPausedError extends UserFacingError {
  constructor(
    readonly resumeAt: Date,
    readonly reason: 'rate_limit' | 'secondary_rate_limit',
  ) {
    super(`[sync] paused on ${reason.replace(/_/g, ' ')} until ${resumeAt.toISOString()}`);
    this.name = 'SyncPausedError';
  }
}

/** A credential the provider refuses (revoked or expired token): retrying cannot help. */
export class ReconnectNeededError extends UserFacingError {
  constructor(message = 'The provider rejected the stored token: reconnect needed.') {
    super(message);
    this.name = 'ReconnectNeededError';
  }
}

/** The item was deleted at the provider (GitHub 410 Gone): the engine keeps the task and unlinks it. */
export class ItemGoneError extends UserFacingError {
  constructor(message = 'The item was deleted at the provider.') {
    super(message);
    this.name = 'ItemGoneError';
  }
}


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
 * The provider will not create our subscription for a reason the owner can act on (the token
 * may not manage webhooks): shown on the configure page, where the manual set-up applies.
 */
export class SubscriptionRefusedError extends UserFacingError {
  override name = 'SubscriptionRefusedError';
}

/**
 * The provider wrote the item but could not set some fields (a Jira workflow with no
 * transition into the wanted status). Not a failure: `item` is the item as it now stands
 * (`createdAt` for a create), the engine records `message` on the task and in the log, and the
 * fields named stay unsent, so a later push tries again.
 */
export class FieldsNotWrittenError extends UserFacingError {
  override name = 'FieldsNotWrittenError';
  constructor(
    message: string,
    readonly fields: string[],
    readonly item: unknown,
    readonly createdAt?: string,
  ) {
    super(message);
  }
}
