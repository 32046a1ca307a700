import { eventType } from 'inngest';
import { z } from 'zod';

/**
 * Events carry ids, never payloads (Inngest events are size-limited; the payload is in
 * Postgres). Names: <domain>/<noun>.<past-verb>.
 */
export const webhookDeliveryReceived = eventType('webhook/delivery.received', {
  schema: z.object({ deliveryId: z.uuid(), integrationId: z.uuid() }),
});

export const integrationSyncRequested = eventType('integration/sync.requested', {
  schema: z.object({ integrationId: z.uuid(), reason: z.enum(['manual', 'schedule']) }),
});
