import { and, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { projectIntegrations } from '@/db/schema';
import { type JobMode, jobMode } from '@/lib/jobs/mode';

/** A queued sync nobody picked up for this long may be queued again. */
export const STALE_QUEUED_MS = 10 * 60_000;
/**
 * Inngest mode: Inngest retries a run itself and its sleeps write no heartbeat, so only a
 * "syncing" silent longer than a primary rate-limit pause (≤ 1 h) counts as lost.
 */
export const STALE_SYNCING_INNGEST_MS = 70 * 60_000;

/**
 * In-process mode: a run whose heartbeat is older than this (four missed beats) belongs to a
 * process that died or lost its database. `SYNC_STALE_AFTER_MS` overrides it (fault tests).
 */
export function staleAfterMs(env: Record<string, string | undefined> = process.env): number {
  const fromEnv = Number(env.SYNC_STALE_AFTER_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 120_000;
}

/** How often a run alive in this process refreshes its heartbeat (pages and pauses do too): 30 s, at least four beats per stale period. */
export function heartbeatIntervalMs(env: Record<string, string | undefined> = process.env): number {
  return Math.min(30_000, Math.floor(staleAfterMs(env) / 4));
}

/** Heartbeats older than this mean the run's owner is gone, in the given job mode. */
export function staleRunBefore(now: Date, mode: JobMode = jobMode()): Date {
  return new Date(now.getTime() - (mode === 'in-process' ? staleAfterMs() : STALE_SYNCING_INNGEST_MS));
}

/**
 * The integration's sync may be queued again although it says queued or syncing: queued and
 * never picked up, or syncing while no active run has a fresh heartbeat (in-process), or
 * silent for 70 min (Inngest).
 */
export function staleSyncCondition(now: Date, mode: JobMode = jobMode()): SQL {
  const queuedStale = and(eq(projectIntegrations.syncStatus, 'queued'), lt(projectIntegrations.updatedAt, new Date(now.getTime() - STALE_QUEUED_MS)))!;
  const before = staleRunBefore(now, mode).toISOString();
  const syncingStale =
    mode === 'in-process'
      ? sql`(${projectIntegrations.syncStatus} = 'syncing' and coalesce((select max(r.heartbeat_at) from sync_runs r
          where r.integration_id = ${projectIntegrations.id} and r.status in ('running', 'paused')), ${projectIntegrations.updatedAt}) < ${before}::timestamptz)`
      : and(eq(projectIntegrations.syncStatus, 'syncing'), lt(projectIntegrations.updatedAt, new Date(before)))!;
  return or(queuedStale, syncingStale)!;
}
