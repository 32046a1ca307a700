import { and, eq, inArray, notInArray, or } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { listIntegrationsNeedingSync } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { type JobMode, jobMode } from '@/lib/jobs/mode';
import { integrationSyncRequested } from '@/inngest/events';
import { providerTypesWith } from '@/lib/integrations/registry';
import { runSync } from '@/lib/sync/run-sync';
import { closeStaleRuns } from '@/db/queries/sync-runs';
import { staleRunBefore, staleSyncCondition } from '@/lib/sync/stale-runs';
import { dispatch, type DispatchOutcome } from './dispatch';

type SyncReason = 'manual' | 'schedule';

/**
 * Marks a sync queued unless one is queued or running and not stale (lib/sync/stale-runs.ts);
 * false when it already is. A stale run it replaces is closed as `interrupted`.
 */
export async function markSyncQueued(
  db: DbOrTx,
  integration: { id: string; providerId: string },
  reason: SyncReason,
  now = new Date(),
  mode: JobMode = jobMode(),
): Promise<boolean> {
  // No transaction (PGlite's socket cannot interleave them): a stale run left open by a crash
  // between these statements is closed by the next successful call.
  const updated = await db
    .update(projectIntegrations)
    .set({ syncStatus: 'queued', updatedAt: now })
    .where(
      and(
        eq(projectIntegrations.id, integration.id),
        or(notInArray(projectIntegrations.syncStatus, ['queued', 'syncing']), staleSyncCondition(now, mode)),
      ),
    )
    .returning({ id: projectIntegrations.id });
  if (updated.length === 0) return false;
  await closeStaleRuns(db, integration, staleRunBefore(now, mode));
  await logAction(db, {
    actionType: 'sync',
    status: 'info',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: reason === 'manual' ? 'Sync queued by hand (Sync now).' : 'Scheduled sync queued.',
  });
  return true;
}

/**
 * Queues a sync ("Sync now" or the scheduler). The queued status is written first, so a
 * sync that could not be handed to Inngest is still visible and picked up by the sweep.
 * Returns null when a sync is already queued or running.
 */
export async function requestSync(
  db: DbOrTx,
  integration: { id: string; providerId: string },
  reason: SyncReason,
): Promise<DispatchOutcome | null> {
  if (!(await markSyncQueued(db, integration, reason))) return null;
  return dispatch(integrationSyncRequested.create({ integrationId: integration.id, reason }), () =>
    runSync(getDb(), integration.id, { trigger: reason }),
  );
}

/**
 * The scheduler's fan-out list: integrations due (needsSync) are marked queued; stale ones
 * (queued but never picked up, or "syncing" in a process that died) are queued again.
 */
export async function queueDueSyncs(db: DbOrTx, now = new Date(), mode: JobMode = jobMode()): Promise<string[]> {
  const due = await listIntegrationsNeedingSync(db, providerTypesWith('taskSync'), now);
  const queued: string[] = [];
  if (due.length) {
    const rows = await db
      .select({ id: projectIntegrations.id, providerId: projectIntegrations.providerId })
      .from(projectIntegrations)
      .where(inArray(projectIntegrations.id, due.map((d) => d.id)));
    for (const row of rows) if (await markSyncQueued(db, row, 'schedule', now, mode)) queued.push(row.id);
  }
  const stale = await db
    .select({ id: projectIntegrations.id, providerId: projectIntegrations.providerId })
    .from(projectIntegrations)
    .where(
      and(
        eq(projectIntegrations.isActive, true),
        or(eq(projectIntegrations.syncStatus, 'queued'), eq(projectIntegrations.syncStatus, 'syncing')),
        staleSyncCondition(now, mode),
      ),
    );
  for (const row of stale) if (!queued.includes(row.id) && (await markSyncQueued(db, row, 'schedule', now, mode))) queued.push(row.id);
  return queued;
}
