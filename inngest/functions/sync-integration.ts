import { NonRetriableError } from 'inngest';
import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { integrationSyncRequested } from '@/inngest/events';
import { syncLoop } from '@/lib/sync/sync-loop';
import { loadForSync } from '@/lib/sync/sync-page-step';
import { finishSyncRun, getLatestSyncRun } from '@/db/queries/sync-runs';

/** Page steps a single run may take before it ends and lets the next scheduled run continue. */
export const MAX_PAGES_PER_RUN = 400;

async function integrationRef(integrationId: string) {
  const loaded = await loadForSync(getDb(), integrationId);
  if (!loaded) throw new NonRetriableError('integration inactive or deleted');
  return loaded;
}

/**
 * One sync of one integration: the shared sync loop (lib/sync/sync-loop.ts) with Inngest's
 * `step` — a step per provider page, step.sleepUntil while the provider's rate limit
 * resets — one run per integration at a time; onFailure closes the run.
 */
export const syncIntegration = inngest.createFunction(
  {
    id: 'sync-integration',
    triggers: [integrationSyncRequested],
    retries: 3,
    concurrency: [{ key: 'event.data.integrationId', limit: 1 }],
    onFailure: async ({ event }) => {
      const integrationId = (event.data.event.data as { integrationId: string }).integrationId;
      const db = getDb();
      const run = await getLatestSyncRun(db, integrationId);
      const loaded = await loadForSync(db, integrationId);
      if (run && loaded && (run.status === 'running' || run.status === 'paused')) {
        await finishSyncRun(db, loaded.integration, run.id, { ok: false, error: event.data.error.message });
      }
    },
  },
  async ({ event, step }) => {
    const { integrationId, reason } = event.data;
    return syncLoop(step, {
      db: getDb(), integrationId, trigger: reason, maxPages: MAX_PAGES_PER_RUN, load: () => integrationRef(integrationId),
    });
  },
);
