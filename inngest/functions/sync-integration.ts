import { NonRetriableError } from 'inngest';
import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { integrationSyncRequested } from '@/inngest/events';
import { pushPendingTasks } from '@/lib/sync/push-pending';
import { loadForSync, syncPageStep } from '@/lib/sync/sync-page-step';
import { finishSyncRun, getLatestSyncRun, pauseSyncRun, resumeSyncRun, startSyncRun } from '@/lib/sync/sync-runs';

/** Page steps a single run may take before it ends and lets the next scheduled run continue. */
export const MAX_PAGES_PER_RUN = 400;

async function integrationRef(integrationId: string) {
  const loaded = await loadForSync(getDb(), integrationId);
  if (!loaded) throw new NonRetriableError('integration inactive or deleted');
  return loaded;
}

/**
 * One sync of one integration: a step per provider page (the page's write saves the
 * cursor, so a retried or resumed run carries on where it stopped), step.sleepUntil while
 * the provider's rate limit resets, one run per integration at a time.
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
    const start = await step.run('start', async () => {
      const { integration } = await integrationRef(integrationId);
      return { runId: await startSyncRun(getDb(), integration, reason), cursor: integration.syncCursor ?? null };
    });
    let cursor = start.cursor;
    for (let i = 0; i < MAX_PAGES_PER_RUN; i++) {
      const outcome = await step.run(`page-${i}`, async () => syncPageStep(getDb(), await integrationRef(integrationId), start.runId, cursor));
      if (outcome.kind === 'paused') {
        await step.run(`pause-${i}`, async () => {
          const { integration } = await integrationRef(integrationId);
          await pauseSyncRun(getDb(), integration, start.runId, new Date(outcome.resumeAt), outcome.reason);
        });
        await step.sleepUntil(`wait-${i}`, new Date(outcome.resumeAt));
        await step.run(`resume-${i}`, () => resumeSyncRun(getDb(), start.runId));
        continue;
      }
      if (outcome.kind === 'failed' || outcome.done) {
        const result = outcome.kind === 'failed'
          ? ({ ok: false, error: outcome.error, reconnect: outcome.reconnect } as const)
          : ({ ok: true, notModified: outcome.notModified } as const);
        if (outcome.kind === 'page') await step.run('push-pending', async () => pushPendingTasks(getDb(), await integrationRef(integrationId)));
        return step.run('finish', async () => {
          const run = await finishSyncRun(getDb(), (await integrationRef(integrationId)).integration, start.runId, result);
          return { status: run.status, pages: run.pages, created: run.created, updated: run.updated };
        });
      }
      cursor = outcome.cursor;
    }
    return step.run('finish', async () => {
      const run = await finishSyncRun(getDb(), (await integrationRef(integrationId)).integration, start.runId, { ok: true, notModified: false });
      return { status: run.status, pages: run.pages, created: run.created, updated: run.updated, continues: true };
    });
  },
);
