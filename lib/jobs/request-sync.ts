import { and, eq, notInArray } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { projectIntegrations } from '@/db/schema';
import { integrationSyncRequested } from '@/inngest/events';
import { runSync } from '@/lib/sync/run-sync';
import { dispatch, type DispatchOutcome } from './dispatch';

/**
 * Queues a sync ("Sync now" or the scheduler). The queued status is written first, so a
 * sync that could not be handed to Inngest is still visible and picked up by the sweep.
 * Returns null when a sync is already queued or running.
 */
export async function requestSync(
  db: DbOrTx,
  integration: { id: string; providerId: string },
  reason: 'manual' | 'schedule',
): Promise<DispatchOutcome | null> {
  const updated = await db
    .update(projectIntegrations)
    .set({ syncStatus: 'queued', updatedAt: new Date() })
    .where(and(eq(projectIntegrations.id, integration.id), notInArray(projectIntegrations.syncStatus, ['queued', 'syncing'])))
    .returning({ id: projectIntegrations.id });
  if (updated.length === 0) return null;
  await logAction(db, {
    actionType: 'sync',
    status: 'info',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: reason === 'manual' ? 'Sync queued by a member.' : 'Scheduled sync queued.',
  });
  return dispatch(integrationSyncRequested.create({ integrationId: integration.id, reason }), () =>
    runSync(getDb(), integration.id),
  );
}
