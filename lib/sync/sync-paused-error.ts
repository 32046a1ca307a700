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
