import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { integrationApiQuotas, projectIntegrations, type SyncRun, syncRuns } from '@/db/schema';
import type { SyncPageResult } from '@/lib/integrations/types';

type Integration = Pick<IntegrationWithProvider, 'id' | 'providerId'>;
export type SyncTrigger = SyncRun['trigger'];

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
}

/** A rate limit: the run waits (status paused, resume time shown) instead of failing. */
export async function pauseSyncRun(db: DbOrTx, integration: Integration, runId: string, resumeAt: Date, reason: string) {
  await db.update(syncRuns).set({ status: 'paused', resumeAt }).where(eq(syncRuns.id, runId));
  await logAction(db, {
    actionType: 'sync',
    status: 'warning',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: `Sync paused by the provider's ${reason.replace(/_/g, ' ')}; resumes at ${resumeAt.toISOString()}.`,
    details: { runId, resumeAt: resumeAt.toISOString() },
  });
}

export async function resumeSyncRun(db: DbOrTx, runId: string) {
  await db.update(syncRuns).set({ status: 'running', resumeAt: null }).where(eq(syncRuns.id, runId));
}

/**
 * Closes a run with its duration, sets the integration's status, and writes the log line
 * (the result the log page shows). `reconnect` marks the connection as needing a new token.
 */
export async function finishSyncRun(
  db: DbOrTx,
  integration: Integration,
  runId: string,
  outcome: { ok: true; notModified: boolean } | { ok: false; error: string; reconnect?: boolean },
): Promise<SyncRun> {
  const [run] = await db
    .update(syncRuns)
    .set({
      status: outcome.ok ? 'success' : 'error',
      notModified: outcome.ok && outcome.notModified,
      error: outcome.ok ? null : outcome.error,
      finishedAt: sql`now()`,
      durationMs: sql`(extract(epoch from now() - ${syncRuns.startedAt}) * 1000)::int`,
      resumeAt: null,
    })
    .where(eq(syncRuns.id, runId))
    .returning();
  await db
    .update(projectIntegrations)
    .set({
      syncStatus: outcome.ok ? 'success' : 'error',
      lastSyncAt: new Date(),
      lastSyncError: outcome.ok ? null : outcome.error,
      updatedAt: new Date(),
      ...(!outcome.ok && outcome.reconnect ? { connectionStatus: 'reconnect_needed' as const, connectionError: outcome.error } : {}),
    })
    .where(eq(projectIntegrations.id, integration.id));
  const r = run!;
  await logAction(db, {
    actionType: 'sync',
    status: outcome.ok ? 'success' : 'error',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: !outcome.ok
      ? `Sync failed: ${outcome.error}`
      : r.notModified
        ? 'Nothing changed since the last sync.'
        : `Synced ${r.fetched} items over ${r.pages} pages: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged${r.conflicts ? `, ${r.conflicts} conflicts` : ''}.`,
    durationMs: r.durationMs,
    details: { runId, pages: r.pages, fetched: r.fetched, created: r.created, updated: r.updated, unchanged: r.unchanged, conflicts: r.conflicts },
  });
  return r;
}

/** The latest run of an integration (the UI polls this for live progress). */
export async function getLatestSyncRun(db: DbOrTx, integrationId: string): Promise<SyncRun | undefined> {
  const [run] = await db.select().from(syncRuns).where(and(eq(syncRuns.integrationId, integrationId))).orderBy(desc(syncRuns.startedAt)).limit(1);
  return run;
}
