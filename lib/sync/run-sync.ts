import { eq } from 'drizzle-orm';
import pRetry from 'p-retry';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { projectIntegrations } from '@/db/schema';
import { describeError, errorSummary } from '@/lib/errors';
import { getProvider } from '@/lib/integrations/registry';
import { pushPendingTasks } from './push-pending';
import { heartbeatIntervalMs } from './stale-runs';
import { loadForSync, syncPageStep } from './sync-page-step';
import { finishSyncRun, heartbeatSyncRun, pauseSyncRun, resumeSyncRun, startSyncRun, type SyncTrigger } from './sync-runs';

export type RunSyncOptions = {
  trigger?: SyncTrigger;
  /** How a paused run waits for the rate limit to reset (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
  /** Closing the run after a database error: attempts and first backoff (doubling, ~1 min in all by default). */
  finishRetry?: { retries: number; minTimeoutMs: number };
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const DEFAULT_FINISH_RETRY = { retries: 6, minTimeoutMs: 1000 };

/**
 * Runs one sync of an integration in this process, page by page from the saved cursor:
 * a rate limit pauses it until the reset and it carries on, a refused token marks the
 * integration "reconnect needed". A heartbeat timer keeps the run visibly alive; when the
 * process dies it goes stale and the next "Sync now" or scheduler tick takes over from the
 * cursor (lib/sync/stale-runs.ts). The Inngest function (inngest/functions/sync-integration.ts)
 * runs the same page step, one Inngest step per page.
 */
export async function runSync(db: Db, integrationId: string, options: RunSyncOptions = {}): Promise<void> {
  const loaded = await loadForSync(db, integrationId);
  if (!loaded) return;
  const { integration } = loaded;
  const provider = getProvider(integration.provider.providerType);
  if (!provider.sync) {
    await db
      .update(projectIntegrations)
      .set({ syncStatus: 'idle', lastSyncAt: new Date(), lastSyncError: null, updatedAt: new Date() })
      .where(eq(projectIntegrations.id, integrationId));
    await logAction(db, {
      actionType: 'sync', status: 'warning', providerId: integration.providerId, integrationId,
      description: `No sync handler for ${provider.defaults.name} yet: nothing was synced.`, durationMs: 0,
    });
    return;
  }
  const sleep = options.sleep ?? realSleep;
  const runId = await startSyncRun(db, integration, options.trigger ?? 'manual');
  // Another run took over (this one was closed as interrupted): stop at the next page.
  let lost = false;
  const beat = setInterval(() => {
    heartbeatSyncRun(db, runId).then((alive) => (lost ||= !alive), () => {}); // a failed beat just ages the heartbeat
  }, heartbeatIntervalMs());
  beat.unref?.();
  const finish = (outcome: Parameters<typeof finishSyncRun>[3]) =>
    finishWithRetry(db, integration, runId, outcome, options.finishRetry ?? DEFAULT_FINISH_RETRY);
  let cursor = integration.syncCursor ?? null;
  try {
    while (!lost) {
      const step = await syncPageStep(db, loaded, runId, cursor);
      if (step.kind === 'failed') return await finish({ ok: false, error: step.error, reconnect: step.reconnect });
      if (step.kind === 'paused') {
        const resumeAt = new Date(step.resumeAt);
        await pauseSyncRun(db, integration, runId, resumeAt, step.reason);
        await sleep(Math.max(resumeAt.getTime() - Date.now(), 0));
        if (!(await resumeSyncRun(db, runId))) return;
        continue;
      }
      cursor = step.cursor;
      if (step.done) {
        await pushPendingTasks(db, loaded);
        return await finish({ ok: true, notModified: step.notModified });
      }
    }
  } catch (err) {
    await finish({ ok: false, error: describeError(err, 'The sync failed', '[sync]') });
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
): Promise<void> {
  try {
    await pRetry(() => finishSyncRun(db, integration, runId, outcome), {
      retries: retry.retries,
      minTimeout: retry.minTimeoutMs,
      factor: 2,
      onFailedAttempt: (e) => console.warn(`[sync] closing run ${runId} failed (attempt ${e.attemptNumber}), retrying:`, errorSummary(e)),
    });
  } catch (err) {
    console.error(`[sync] run ${runId} could not be closed; it will be closed as interrupted once stale:`, errorSummary(err));
  }
}
