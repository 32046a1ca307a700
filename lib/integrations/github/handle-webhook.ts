import { ZodError } from 'zod';
import { PermanentWebhookError } from '@/lib/webhooks/errors';
import { ReconnectNeededError } from '@/lib/sync/sync-paused-error';
import type { WebhookHandler } from '../types';
import { processGithubEvent } from './process-event';

/**
 * The webhook pipeline's entry. A payload that does not parse is `invalid` (process-event throws
 * InvalidWebhookPayloadError); other schema errors (our settings) or a dead token are permanent failures.
 */
export const handleGithubWebhook: WebhookHandler = async (ctx, delivery) => {
  try {
    return await processGithubEvent(ctx, { eventType: delivery.eventType, action: delivery.eventAction, payload: delivery.payload });
  } catch (err) {
    if (err instanceof ZodError) throw new PermanentWebhookError(`[github] ${delivery.eventType} could not be processed: ${err.issues[0]?.path.join('.')}`);
    if (err instanceof ReconnectNeededError) throw new PermanentWebhookError(err.message);
    throw err;
  }
};
