import { ZodError } from 'zod';
import { PermanentWebhookError } from '@/lib/webhooks/errors';
import { ReconnectNeededError } from '@/lib/sync/sync-paused-error';
import type { WebhookHandler } from '../types';
import { processGithubEvent } from './process-event';

/** The webhook pipeline's entry: a payload that does not parse, or a dead token, will not get better on retry. */
export const handleGithubWebhook: WebhookHandler = async (ctx, delivery) => {
  try {
    return await processGithubEvent(ctx, { eventType: delivery.eventType, action: delivery.eventAction, payload: delivery.payload });
  } catch (err) {
    if (err instanceof ZodError) throw new PermanentWebhookError(`[github] ${delivery.eventType} payload not understood: ${err.issues[0]?.path.join('.')}`);
    if (err instanceof ReconnectNeededError) throw new PermanentWebhookError(err.message);
    throw err;
  }
};
