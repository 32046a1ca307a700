'use server';

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getProjectIntegration } from '@/db/queries/integrations';
import { integrationApiQuotas } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { getLatestSyncRun } from '@/db/queries/sync-runs';
import { authedAction } from './safe-action';

/** What the sync page polls while a sync runs: status, the latest run's counts, the API quota. */
export const getSyncProgress = authedAction(
  'member',
  z.object({ projectId: z.uuid(), integrationId: z.uuid() }),
  async ({ db }, input) => {
    const integration = await getProjectIntegration(db, input.projectId, input.integrationId);
    if (!integration) throw new AppError('not_found', 'Integration not found.', 'integrationId');
    const [run, [quota]] = await Promise.all([
      getLatestSyncRun(db, integration.id),
      db.select().from(integrationApiQuotas).where(eq(integrationApiQuotas.integrationId, integration.id)),
    ]);
    return { syncStatus: integration.syncStatus, run: run ?? null, quota: quota ?? null };
  },
);
export type SyncProgressView = Extract<Awaited<ReturnType<typeof getSyncProgress>>, { ok: true }>['data'];
