import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { logAction } from './integration-logs';
import type { IntegrationWithProvider } from './integrations';
import { integrationApiQuotas, projectIntegrations, type SyncRun, syncRuns } from '../schema';
import type { SyncPageResult } from '@/lib/integrations/types';
import { recordQuotaSample } from './health';

type Integration = Pick<IntegrationWithProvider, 'id' | 'providerId'>;
export type SyncTrigger = SyncRun['trigger'];

/** A run still owned by some process (its heartbeat tells whether that process is alive). */
export const ACTIVE_RUN_STATUSES = ['running', 'paused'] as const;
const isActive = inArray(syncRuns.status, [...ACTIVE_RUN_STATUSES]);

/** Opens a run (live progress lives on it) and marks the integration as syncing. */
export async function startSyncRun(db: DbOrTx, integration: Integration, trigger: SyncTrigger): Promise<string> {
  const [run] = await db.insert(syncRuns).values({ integrationId: integration.id, trigger }).returning({ id: syncRuns.id });
  await db
    .update(projectIntegrations)
    .set({ syncStatus: 'syncing', updatedAt: new Date() })
    .where(eq(projectIntegrations.id, integration.id));
  return run!.id;
}

/** Records the provider's quota as last seen (shown on the integration page). */
export async function saveQuota(db: DbOrTx, integrationId: string, quota: SyncPageResult['quota']) {
  if (!quota) return;
  const values = { limit: quota.limit, remaining: quota.remaining, resetAt: quota.resetAt ? new Date(quota.resetAt) : null, updatedAt: new Date() };
  await db
    .insert(integrationApiQuotas)
    .values({ integrationId, ...values })
    .onConflictDoUpdate({ target: integrationApiQuotas.integrationId, set: values });
  await recordQuotaSample(db, integrationId, quota);
}

/** A rate limit: the run waits (status paused, resume time shown) instead of failing. */
export async function pauseSyncRun(db: DbOrTx, integration: Integration, runId: string, resumeAt: Date, reason: string) {
  await db.update(syncRuns).set({ status: 'paused', resumeAt, heartbeatAt: sql`now()` }).where(and(eq(syncRuns.id, runId), isActive));
  await logAction(db, {
    actionType: 'sync',
    status: 'warning',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: `Sync paused by the provider's ${reason.replace(/_/g, ' ')}; resumes at ${resumeAt.toISOString()}.`,
    details: { runId, resumeAt: resumeAt.toISOString() },
  });
}

/** False when the run is no longer this process's (closed as interrupted meanwhile): the caller stops. */
export async function resumeSyncRun(db: DbOrTx, runId: string): Promise<boolean> {
  const rows = await db
    .update(syncRuns)
    .set({ status: 'running', resumeAt: null, heartbeatAt: sql`now()` })
    .where(and(eq(syncRuns.id, runId), isActive))
    .returning({ id: syncRuns.id });
  return rows.length > 0;
}

/** "This run is alive"; false when it is no longer active (another run took over). */
export async function heartbeatSyncRun(db: DbOrTx, runId: string): Promise<boolean> {
  const rows = await db.update(syncRuns).set({ heartbeatAt: sql`now()` }).where(and(eq(syncRuns.id, runId), isActive)).returning({ id: syncRuns.id });
  return rows.length > 0;
}

/** The breaker tripped: the run stops as 'held', its message the hold's (nothing of the page was written). */
export async function markSyncRunHeld(db: DbOrTx, runId: string, message: string) {
  await db.update(syncRuns)
    .set({ status: 'held', error: message, finishedAt: sql`now()`, heartbeatAt: sql`now()`, durationMs: sql`(extract(epoch from now() - ${syncRuns.startedAt}) * 1000)::int` })
    .where(and(eq(syncRuns.id, runId), isActive));
}

export const INTERRUPTED_MESSAGE =
  'Interrupted: the server running this sync stopped or lost its database. The sync was queued again and continues from the last saved page.';

/**
 * Closes the integration's active runs whose heartbeat is older than `staleBefore` as
 * `interrupted` (one log line each). Called once the sync has been queued again, so the new
 * run takes over.
 */
export async function closeStaleRuns(db: DbOrTx, integration: Integration, staleBefore: Date): Promise<number> {
  const closed = await db
    .update(syncRuns)
    .set({
      status: 'interrupted',
      error: INTERRUPTED_MESSAGE,
      resumeAt: null,
      finishedAt: sql`now()`,
      durationMs: sql`(extract(epoch from ${syncRuns.heartbeatAt} - ${syncRuns.startedAt}) * 1000)::int`,
    })
    .where(and(eq(syncRuns.integrationId, integration.id), isActive, lt(syncRuns.heartbeatAt, staleBefore)))
    .returning({ id: syncRuns.id, pages: syncRuns.pages, heartbeatAt: syncRuns.heartbeatAt });
  for (const run of closed) {
    await logAction(db, {
      actionType: 'sync',
      status: 'warning',
      providerId: integration.providerId,
      integrationId: integration.id,
      description: `Sync interrupted after ${run.pages} pages (no sign of life since ${run.heartbeatAt.toISOString()}); queued again, it resumes from the last saved page.`,
      details: { runId: run.id, pages: run.pages, heartbeatAt: run.heartbeatAt.toISOString() },
    });
  }
  return closed.length;
}

type Outcome = { ok: true; notModified: boolean } | { ok: false; error: string; reconnect?: boolean };

/**
 * Closes a run with its duration, sets the integration's status, and writes the log line
 * (the result the log page shows). Safe to retry after a lost connection: a run this outcome
 * already closed still gets its integration status and log line if those were not written.
 * A run closed otherwise (interrupted and taken over by a newer run) is returned as it is.
 * No transaction: concurrent transactions break PGlite's socket (the dev database).
 * `reconnect` marks the connection as needing a new token.
 */
export async function finishSyncRun(db: DbOrTx, integration: Integration, runId: string, outcome: Outcome): Promise<SyncRun> {
  const [run] = await db
    .update(syncRuns)
    .set({
      status: outcome.ok ? 'success' : 'error',
      notModified: outcome.ok && outcome.notModified,
      error: outcome.ok ? null : outcome.error,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
      durationMs: sql`(extract(epoch from now() - ${syncRuns.startedAt}) * 1000)::int`,
      resumeAt: null,
    })
    .where(and(eq(syncRuns.id, runId), isActive))
    .returning();
  if (run) {
    await settleIntegration(db, integration, run, outcome, false);
    return run;
  }
  const [closed] = await db.select().from(syncRuns).where(eq(syncRuns.id, runId));
  if (!closed) throw new Error(`[sync] run ${runId} does not exist`);
  if (closed.status === (outcome.ok ? 'success' : 'error')) await settleIntegration(db, integration, closed, outcome, true);
  return closed;
}

/** The integration's status and the log line for a closed run; `onlyIfUnsettled`: on a retry, when no other run is active and it still says syncing. */
async function settleIntegration(db: DbOrTx, integration: Integration, run: SyncRun, outcome: Outcome, onlyIfUnsettled: boolean) {
  const updated = await db
    .update(projectIntegrations)
    .set({
      syncStatus: outcome.ok ? 'success' : 'error',
      lastSyncAt: new Date(),
      lastSyncError: outcome.ok ? null : outcome.error,
      updatedAt: new Date(),
      // The first reason stands (a revoked grant says why better than the sync it stopped).
      ...(!outcome.ok && outcome.reconnect
        ? {
            connectionStatus: 'reconnect_needed' as const,
            connectionError: sql<string>`case when ${projectIntegrations.connectionStatus} = 'reconnect_needed' then ${projectIntegrations.connectionError} else ${outcome.error} end`,
          }
        : {}),
    })
    .where(
      and(
        eq(projectIntegrations.id, integration.id),
        onlyIfUnsettled
          ? sql`${projectIntegrations.syncStatus} = 'syncing' and not exists (select 1 from sync_runs r
              where r.integration_id = ${integration.id} and r.status in ('running', 'paused'))`
          : undefined,
      ),
    )
    .returning({ id: projectIntegrations.id });
  if (updated.length === 0) return;
  await logAction(db, {
    actionType: 'sync',
    status: outcome.ok ? 'success' : 'error',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: !outcome.ok
      ? `Sync failed: ${outcome.error}`
      : run.notModified
        ? 'Nothing changed since the last sync.'
        : `Synced ${run.fetched} items over ${run.pages} pages: ${run.created} created, ${run.updated} updated, ${run.unchanged} unchanged${run.conflicts ? `, ${run.conflicts} conflicts` : ''}.`,
    durationMs: run.durationMs,
    details: { runId: run.id, pages: run.pages, fetched: run.fetched, created: run.created, updated: run.updated, unchanged: run.unchanged, conflicts: run.conflicts },
  });
}

/** The latest run of an integration (the UI polls this for live progress). */
export async function getLatestSyncRun(db: DbOrTx, integrationId: string): Promise<SyncRun | undefined> {
  const [run] = await db.select().from(syncRuns).where(and(eq(syncRuns.integrationId, integrationId))).orderBy(desc(syncRuns.startedAt)).limit(1);
  return run;
}
