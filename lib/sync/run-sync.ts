import { eq } from 'drizzle-orm';
import pRetry from 'p-retry';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { projectIntegrations } from '@/db/schema';
import { describeError, errorSummary } from '@/lib/errors';
import { getProviderCore, hasCapability } from '@/lib/integrations/registry';
import type { SyncRun } from '@/db/schema';
import { inlineSteps } from '@/lib/jobs/steps';
import { heartbeatIntervalMs } from './stale-runs';
import { type SyncLoopContext, syncLoop } from './sync-loop';
import { loadForSync } from './sync-page-step';
import { finishSyncRun, heartbeatSyncRun, type SyncTrigger } from '@/db/queries/sync-runs';

export type RunSyncOptions = {
  trigger?: SyncTrigger;
  /** How a paused run waits for the rate limit to reset (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
  /** Closing the run after a database error: attempts and first backoff (doubling, ~1 min in all by default). */
  finishRetry?: { retries: number; minTimeoutMs: number };
};

const DEFAULT_FINISH_RETRY = { retries: 6, minTimeoutMs: 1000 };

/**
 * Runs one sync of an integration in this process, page by page from the saved cursor:
 * a rate limit pauses it until the reset and it carries on, a refused token marks the
 * integration "reconnect needed". A heartbeat timer keeps the run visibly alive; when the
 * process dies it goes stale and the next "Sync now" or scheduler tick takes over from the
 * cursor (lib/sync/stale-runs.ts). The loop itself is lib/sync/sync-loop.ts, the same one the
 * Inngest function (inngest/functions/sync-integration.ts) runs with Inngest's steps.
 */
export async function runSync(db: Db, integrationId: string, options: RunSyncOptions = {}): Promise<void> {
  const loaded = await loadForSync(db, integrationId);
  if (!loaded) return;
  const { integration } = loaded;
  const provider = getProviderCore(integration.provider.providerType);
  if (!hasCapability(provider.id, 'taskSync')) {
    await db
      .update(projectIntegrations)
      .set({ syncStatus: 'idle', updatedAt: new Date() }) // nothing ran: "Last sync" stays as it was
      .where(eq(projectIntegrations.id, integrationId));
    await logAction(db, {
      actionType: 'sync', status: 'warning', providerId: integration.providerId, integrationId,
      description: `No sync handler for ${provider.defaults.name} yet: nothing was synced.`, durationMs: 0,
    });
    return;
  }
  const runId = { current: null as string | null };
  // Another run took over (this one was closed as interrupted): stop at the next page.
  let lost = false;
  const beat = setInterval(() => {
    if (runId.current) heartbeatSyncRun(db, runId.current).then((alive) => (lost ||= !alive), () => {}); // a failed beat just ages the heartbeat
  }, heartbeatIntervalMs());
  beat.unref?.();
  const retry = options.finishRetry ?? DEFAULT_FINISH_RETRY;
  const finish: SyncLoopContext['finish'] = (db, integration, id, outcome) => finishWithRetry(db, integration, id, outcome, retry);
  try {
    await syncLoop(inlineSteps(options.sleep), {
      db, integrationId, trigger: options.trigger ?? 'manual', load: async () => loaded, stopped: () => lost, finish,
      onStart: (id) => (runId.current = id),
    });
  } catch (err) {
    if (!runId.current) throw err; // the run could not even start: the caller hears of it
    await finish(db, integration, runId.current, { ok: false, error: describeError(err, 'The sync failed', '[sync]') });
  } finally {
    clearInterval(beat);
  }
}

/**
 * Closes the run, retrying with backoff while the database is unreachable: the error a
 * lost database caused must not itself be lost. If the database stays down longer, the
 * run's heartbeat goes stale and the next request closes it as interrupted instead.
 */
async function finishWithRetry(
  db: Db,
  integration: Parameters<typeof finishSyncRun>[1],
  runId: string,
  outcome: Parameters<typeof finishSyncRun>[3],
  retry: { retries: number; minTimeoutMs: number },
): Promise<SyncRun | null> {
  try {
    return await pRetry(() => finishSyncRun(db, integration, runId, outcome), {
      retries: retry.retries,
      minTimeout: retry.minTimeoutMs,
      factor: 2,
      onFailedAttempt: (e) => console.warn(`[sync] closing run ${runId} failed (attempt ${e.attemptNumber}), retrying:`, errorSummary(e)),
    });
  } catch (err) {
    console.error(`[sync] run ${runId} could not be closed; it will be closed as interrupted once stale:`, errorSummary(err));
    return null;
  }
}
