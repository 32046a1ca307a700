import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { externalTaskMappings, tasks } from '@/db/schema';
import { getProvider } from '@/lib/integrations/registry';
import type { IntegrationConnection } from '@/lib/integrations/types';

/**
 * Task edits that never reached the provider (its API was down when the edit was pushed):
 * a task changed after its link's last sync. The end of every sync sends them again, so an
 * edit is never lost to a failed push.
 */
export async function pushPendingTasks(
  db: Db,
  loaded: { integration: IntegrationWithProvider; connection: IntegrationConnection },
  limit = 50,
): Promise<{ pushed: number; failed: number }> {
  const provider = getProvider(loaded.integration.provider.providerType);
  if (!provider.pushTask) return { pushed: 0, failed: 0 };
  const pending = await db
    .select({ taskId: externalTaskMappings.taskId })
    .from(externalTaskMappings)
    .innerJoin(tasks, eq(tasks.id, externalTaskMappings.taskId))
    .where(
      and(
        eq(externalTaskMappings.integrationId, loaded.integration.id),
        eq(externalTaskMappings.syncEnabled, true),
        or(isNull(externalTaskMappings.lastSyncedAt), gt(tasks.updatedAt, externalTaskMappings.lastSyncedAt)),
      ),
    )
    .limit(limit);
  let pushed = 0;
  let failed = 0;
  for (const { taskId } of pending) {
    try {
      await provider.pushTask({ db, ...loaded, taskId });
      pushed++;
    } catch {
      failed++; // stays pending: the next sync tries again
    }
  }
  return { pushed, failed };
}
