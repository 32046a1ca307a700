import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { getIntegrationById } from '@/db/queries/integrations';
import { claimDelivery, finishDelivery, markWebhookConfirmed } from '@/db/queries/webhook-ingest';
import { getProviderCore, loadCapability } from '@/lib/integrations/registry';
import { inboundContext } from '@/lib/sync/engine/inbound';
import { describeError } from '@/lib/errors';
import { webhookConfig } from './config';
import { InvalidWebhookPayloadError, isPermanentFailure } from '@/lib/integrations/kit/errors';
import { type Clock, keepLease } from './lease';

export type ProcessOutcome =
  | { outcome: 'skipped' }
  | { outcome: 'processed' | 'no_handler'; result: Record<string, unknown> }
  | { outcome: 'retry' | 'failed' | 'invalid'; error: string; attempts: number };

/** Tests inject the clock (claim and lease renewals) and how often the lease is renewed. */
export type ProcessOptions = { now?: Clock; renewLeaseEveryMs?: number };

/**
 * Processes one stored delivery through its provider's `inbound.process`, exactly once at a time:
 * the claim is a conditional UPDATE, so concurrent calls (a redelivery, a sweep, a replay)
 * find nothing to do; the claim's lease is renewed while the processor runs. Marks processed /
 * no_handler / failed / invalid (malformed payload: final, not retried), or pending again to
 * be retried. The Inngest function, the in-process fallback and the sweep all call this.
 */
export async function processDelivery(
  db: Db,
  deliveryRowId: string,
  maxAttempts = webhookConfig().WEBHOOK_MAX_ATTEMPTS,
  options: ProcessOptions = {},
): Promise<ProcessOutcome> {
  const delivery = await claimDelivery(db, deliveryRowId, options.now?.());
  if (!delivery) return { outcome: 'skipped' };
  const lease = keepLease(db, delivery, { now: options.now, everyMs: options.renewLeaseEveryMs });
  try {
    return await runClaimed(db, delivery, maxAttempts);
  } finally {
    lease.stop();
  }
}

async function runClaimed(
  db: Db,
  delivery: NonNullable<Awaited<ReturnType<typeof claimDelivery>>>,
  maxAttempts: number,
): Promise<ProcessOutcome> {
  const integration = await getIntegrationById(db, delivery.integrationId);
  if (!integration || !integration.isActive) {
    const error = 'The integration is inactive or was deleted; nothing was processed.';
    await finishDelivery(db, delivery, { status: 'failed', error });
    return { outcome: 'failed', error, attempts: delivery.attempts };
  }
  const provider = getProviderCore(integration.provider.providerType);
  try {
    // Loaded on first use (their SDKs with them); a failed import is retried like any failure.
    const [webhook, inbound] = await Promise.all([loadCapability(provider.id, 'webhook'), loadCapability(provider.id, 'inbound')]);
    const confirms = webhook?.confirmationEvents.includes(delivery.eventType) ?? false;
    if (confirms) await markWebhookConfirmed(db, integration.id);
    if (!inbound) {
      const result = confirms
        ? { webhookConfirmed: true }
        : { handler: null, note: `No ${provider.defaults.name} webhook handler yet: the event was recorded, nothing else was done.` };
      const status = confirms ? 'processed' : 'no_handler';
      await finishDelivery(db, delivery, { status, result });
      return { outcome: status, result };
    }
    const result = await inbound.process(await inboundContext(db, integration, delivery), delivery);
    const full = confirms ? { ...result, webhookConfirmed: true } : result;
    await finishDelivery(db, delivery, { status: 'processed', result: full });
    return { outcome: 'processed', result: full };
  } catch (err) {
    const error = describeError(err, 'Processing failed', '[webhooks]').slice(0, 2000);
    const invalid = err instanceof InvalidWebhookPayloadError;
    const final = invalid || isPermanentFailure(err) || delivery.attempts >= maxAttempts;
    const status = invalid ? 'invalid' : final ? 'failed' : 'pending';
    await finishDelivery(db, delivery, { status, error });
    if (final) {
      await logAction(db, {
        actionType: 'webhook',
        status: invalid ? 'warning' : 'error',
        providerId: integration.providerId,
        integrationId: integration.id,
        description: invalid
          ? `Webhook ${delivery.eventType} ${delivery.deliveryId} is invalid (not retried): ${error}`
          : `Webhook ${delivery.eventType} ${delivery.deliveryId} failed after ${delivery.attempts} attempt(s): ${error}`,
        details: { deliveryRowId: delivery.id, attempts: delivery.attempts },
      }).catch(() => {});
    }
    if (invalid) return { outcome: 'invalid', error, attempts: delivery.attempts };
    return { outcome: final ? 'failed' : 'retry', error, attempts: delivery.attempts };
  }
}
