import { NonRetriableError } from 'inngest';
import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { webhookDeliveryReceived } from '@/inngest/events';
import { processDelivery } from '@/lib/webhooks/process-delivery';

/** Attempts Inngest makes (first + retries) — the same number the delivery row allows. */
export const WEBHOOK_PROCESS_RETRIES = 4;

/**
 * Processes a stored delivery (the event carries ids only). Retries with Inngest's
 * exponential backoff while the delivery is pending; a permanent failure or a malformed
 * (`invalid`) payload ends the run with NonRetriableError. One delivery at a time per integration keeps processors ordered and gentle.
 */
export const webhookProcess = inngest.createFunction(
  {
    id: 'webhook-process',
    triggers: [webhookDeliveryReceived],
    retries: WEBHOOK_PROCESS_RETRIES,
    concurrency: [{ key: 'event.data.integrationId', limit: 1 }],
  },
  async ({ event, step }) => {
    const outcome = await step.run('process-delivery', () =>
      processDelivery(getDb(), event.data.deliveryId, WEBHOOK_PROCESS_RETRIES + 1),
    );
    if (outcome.outcome === 'failed') throw new NonRetriableError(`delivery failed: ${outcome.error}`);
    if (outcome.outcome === 'invalid') throw new NonRetriableError(`delivery invalid: ${outcome.error}`);
    if (outcome.outcome === 'retry') throw new Error(`delivery will be retried: ${outcome.error}`);
    return outcome;
  },
);
