import { describeError } from '@/lib/errors';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { projectIntegrations } from '@/db/schema';
import { getProvider } from '@/lib/integrations/registry';
import { pushPendingTasks } from './push-pending';
import { loadForSync, syncPageStep } from './sync-page-step';
import { finishSyncRun, pauseSyncRun, resumeSyncRun, startSyncRun, type SyncTrigger } from './sync-runs';

export type RunSyncOptions = {
  trigger?: SyncTrigger;
  /** How a paused run waits for the rate limit to reset (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs one sync of an integration in this process, page by page from the saved cursor:
 * a rate limit pauses it until the reset and it carries on, a refused token marks the
 * integration "reconnect needed". The Inngest function (inngest/functions/sync-integration.ts)
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
  let cursor = integration.syncCursor ?? null;
  try {
    for (;;) {
      const step = await syncPageStep(db, loaded, runId, cursor);
      if (step.kind === 'failed') {
        await finishSyncRun(db, integration, runId, { ok: false, error: step.error, reconnect: step.reconnect });
        return;
      }
      if (step.kind === 'paused') {
        const resumeAt = new Date(step.resumeAt);
        await pauseSyncRun(db, integration, runId, resumeAt, step.reason);
        await sleep(Math.max(resumeAt.getTime() - Date.now(), 0));
        await resumeSyncRun(db, runId);
        continue;
      }
      cursor = step.cursor;
      if (step.done) {
        await pushPendingTasks(db, loaded);
        await finishSyncRun(db, integration, runId, { ok: true, notModified: step.notModified });
        return;
      }
    }
  } catch (err) {
    await finishSyncRun(db, integration, runId, { ok: false, error: describeError(err, 'The sync failed', '[sync]') });
  }
}
