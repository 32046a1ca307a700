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

/** A local change was committed (its outbox row in local_changes): fan it out to the change targets. */
export const localChanged = eventType('taskbridge/local.changed', {
  schema: z.object({ changeId: z.uuid(), projectId: z.uuid() }),
});

/** An OAuth token expiring within the hour, to refresh (one at a time per integration). */
export const oauthTokenRefreshRequested = eventType('integration/oauth-token.refresh-requested', {
  schema: z.object({ integrationId: z.uuid() }),
});
