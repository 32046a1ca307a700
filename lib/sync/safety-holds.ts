import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { markSyncRunHeld } from '@/db/queries/sync-runs';
import { projectIntegrations, syncSafetyHolds } from '@/db/schema';
import { raiseAlert } from '@/lib/alerts/raise';
import type { IntegrationConnection } from '@/lib/integrations/types';
import { holdMessage } from './engine/breaker';
import { previewSync } from './engine/preview';

/** The hold waiting for the owner, if any. */
export async function openSafetyHold(db: DbOrTx, integrationId: string) {
  const [h] = await db.select().from(syncSafetyHolds)
    .where(and(eq(syncSafetyHolds.integrationId, integrationId), eq(syncSafetyHolds.status, 'held')))
    .orderBy(desc(syncSafetyHolds.createdAt)).limit(1);
  return h ?? null;
}

/** At the start of a run: a confirmed hold lets this one run past the breaker, once. */
export async function takeConfirmedHold(db: DbOrTx, integrationId: string): Promise<boolean> {
  const used = await db.update(syncSafetyHolds).set({ status: 'used' })
    .where(and(eq(syncSafetyHolds.integrationId, integrationId), eq(syncSafetyHolds.status, 'confirmed')))
    .returning({ id: syncSafetyHolds.id });
  return used.length > 0;
}

/**
 * The breaker tripped: the run stops as 'held' before writing the page, the whole preview is
 * kept for the owner (read-only; its counts are the message), the alert is raised.
 */
export async function holdSyncRun(
  db: Db,
  loaded: { integration: IntegrationWithProvider; connection: IntegrationConnection },
  runId: string,
  trip: { closes: number; linked: number; threshold: number },
) {
  const { integration } = loaded;
  let preview: Awaited<ReturnType<typeof previewSync>> | null = null;
  try {
    preview = await previewSync(db, integration, loaded.connection);
  } catch {
    // the counts of the trip stand in for the preview (a rate limit meanwhile)
  }
  const closes = Math.max(preview?.closes ?? 0, trip.closes);
  const hold = { closes, unlinks: preview?.unlinks ?? 0, linked: trip.linked };
  const message = holdMessage(hold);
  await markSyncRunHeld(db, runId, message);
  // A scheduled run held again refreshes the hold the owner sees (same id), rather than replacing it.
  const values = { runId, ...hold, threshold: trip.threshold, preview: (preview ?? {}) as Record<string, unknown> };
  const refreshed = await db.update(syncSafetyHolds).set(values)
    .where(and(eq(syncSafetyHolds.integrationId, integration.id), eq(syncSafetyHolds.status, 'held')))
    .returning({ id: syncSafetyHolds.id });
  if (refreshed.length === 0) {
    await db.update(syncSafetyHolds).set({ status: 'cancelled' })
      .where(and(eq(syncSafetyHolds.integrationId, integration.id), inArray(syncSafetyHolds.status, ['held', 'confirmed'])));
    await db.insert(syncSafetyHolds).values({ integrationId: integration.id, ...values });
  }
  await db.update(projectIntegrations).set({ syncStatus: 'idle', updatedAt: new Date() }).where(eq(projectIntegrations.id, integration.id));
  await logAction(db, {
    actionType: 'sync', status: 'warning', providerId: integration.providerId, integrationId: integration.id,
    description: `${message} (threshold ${trip.threshold}). Nothing was written; an owner confirms or cancels on the sync page.`,
    details: { runId, ...hold, threshold: trip.threshold },
  });
  await raiseAlert(db, integration.id, 'breaker_tripped', `${integration.provider.name} ${integration.externalId ?? ''}: ${message}.`, { runId, ...hold });
  return { message };
}
