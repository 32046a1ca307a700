import type { Db } from '@/db/client';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { listTasksWithUnsentEdits } from '@/db/queries/task-links';
import { hasCapability } from '@/lib/integrations/registry';
import { pushTask } from './engine/task-ops';
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
  if (!hasCapability(loaded.integration.provider.providerType, 'taskSync')) return { pushed: 0, failed: 0 };
  const pending = await listTasksWithUnsentEdits(db, loaded.integration.id, limit);
  let pushed = 0;
  let failed = 0;
  for (const taskId of pending) {
    try {
      await pushTask({ db, ...loaded, taskId });
      pushed++;
    } catch {
      failed++; // stays pending: the next sync tries again
    }
  }
  return { pushed, failed };
}
