import { and, eq, inArray, lt, notInArray, or } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { listIntegrationsNeedingSync } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { integrationSyncRequested } from '@/inngest/events';
import { runSync } from '@/lib/sync/run-sync';
import { dispatch, type DispatchOutcome } from './dispatch';

type SyncReason = 'manual' | 'schedule';

/** A queued sync nobody picked up for this long, or a "syncing" one silent this long (a lost process), may be queued again. */
const STALE_QUEUED_MS = 10 * 60_000;
const STALE_SYNCING_MS = 70 * 60_000; // longer than a primary rate-limit pause (≤ 1 h)

/** Marks a sync queued unless one is queued or running (and not stale); false when it already is. */
export async function markSyncQueued(db: DbOrTx, integration: { id: string; providerId: string }, reason: SyncReason, now = new Date()): Promise<boolean> {
  const updated = await db
    .update(projectIntegrations)
    .set({ syncStatus: 'queued', updatedAt: now })
    .where(
      and(
        eq(projectIntegrations.id, integration.id),
        or(
          notInArray(projectIntegrations.syncStatus, ['queued', 'syncing']),
          and(eq(projectIntegrations.syncStatus, 'queued'), lt(projectIntegrations.updatedAt, new Date(now.getTime() - STALE_QUEUED_MS))),
          and(eq(projectIntegrations.syncStatus, 'syncing'), lt(projectIntegrations.updatedAt, new Date(now.getTime() - STALE_SYNCING_MS))),
        ),
      ),
    )
    .returning({ id: projectIntegrations.id });
  if (updated.length === 0) return false;
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
export async function queueDueSyncs(db: DbOrTx, now = new Date()): Promise<string[]> {
  const due = await listIntegrationsNeedingSync(db, now);
  const queued: string[] = [];
  if (due.length) {
    const rows = await db
      .select({ id: projectIntegrations.id, providerId: projectIntegrations.providerId })
      .from(projectIntegrations)
      .where(inArray(projectIntegrations.id, due.map((d) => d.id)));
    for (const row of rows) if (await markSyncQueued(db, row, 'schedule')) queued.push(row.id);
  }
  const stale = await db
    .select({ id: projectIntegrations.id, providerId: projectIntegrations.providerId })
    .from(projectIntegrations)
    .where(
      and(
        eq(projectIntegrations.isActive, true),
        or(
          and(eq(projectIntegrations.syncStatus, 'queued'), lt(projectIntegrations.updatedAt, new Date(now.getTime() - STALE_QUEUED_MS))),
          and(eq(projectIntegrations.syncStatus, 'syncing'), lt(projectIntegrations.updatedAt, new Date(now.getTime() - STALE_SYNCING_MS))),
        ),
      ),
    );
  for (const row of stale) if (!queued.includes(row.id) && (await markSyncQueued(db, row, 'schedule', now))) queued.push(row.id);
  return queued;
}
