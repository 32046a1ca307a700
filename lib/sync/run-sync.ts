import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { getIntegrationById, loadConnection } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { getProvider } from '@/lib/integrations/registry';
import { ReconnectNeededError, SyncPausedError } from './sync-paused-error';
import { finishSyncRun, pauseSyncRun, resumeSyncRun, saveQuota, startSyncRun, type SyncTrigger } from './sync-runs';

export type RunSyncOptions = {
  trigger?: SyncTrigger;
  /** How a paused run waits for the rate limit to reset (tests pass a fast clock). */
  sleep?: (ms: number) => Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs one sync of an integration in this process, page by page from the saved cursor:
 * a rate limit pauses it until the reset and it carries on, a refused token marks the
 * integration "reconnect needed". The Inngest function (inngest/functions/sync-integration.ts)
 * does the same with one step per page.
 */
export async function runSync(db: Db, integrationId: string, options: RunSyncOptions = {}): Promise<void> {
  const integration = await getIntegrationById(db, integrationId);
  if (!integration || !integration.isActive) return;
  const provider = getProvider(integration.provider.providerType);
  if (!provider.sync) {
    await db
      .update(projectIntegrations)
      .set({ syncStatus: 'idle', lastSyncAt: new Date(), lastSyncError: null, updatedAt: new Date() })
      .where(eq(projectIntegrations.id, integrationId));
    await logAction(db, {
      actionType: 'sync',
      status: 'warning',
      providerId: integration.providerId,
      integrationId,
      description: `No sync handler for ${provider.defaults.name} yet: nothing was synced.`,
      durationMs: 0,
    });
    return;
  }
  const sleep = options.sleep ?? realSleep;
  const runId = await startSyncRun(db, integration, options.trigger ?? 'manual');
  const connection = await loadConnection(integration);
  let cursor = integration.syncCursor ?? null;
  let notModified = false;
  try {
    for (;;) {
      try {
        const page = await provider.sync({ db, integration, connection, runId, cursor });
        await saveQuota(db, integrationId, page.quota);
        cursor = page.cursor;
        notModified = Boolean(page.notModified);
        if (page.done) break;
      } catch (err) {
        if (!(err instanceof SyncPausedError)) throw err;
        await pauseSyncRun(db, integration, runId, err.resumeAt, err.reason);
        await sleep(Math.max(err.resumeAt.getTime() - Date.now(), 0));
        await resumeSyncRun(db, runId);
      }
    }
    await finishSyncRun(db, integration, runId, { ok: true, notModified });
  } catch (err) {
    const message = err instanceof Error ? err.message : 'sync failed';
    await finishSyncRun(db, integration, runId, { ok: false, error: message, reconnect: err instanceof ReconnectNeededError });
  }
}
