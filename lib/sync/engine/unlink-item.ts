import { logAction } from '@/db/queries/integration-logs';
import { unlinkTaskLink } from '@/db/queries/task-links';
import type { EngineTarget } from './target';

/**
 * A deleted or moved item: the task stays, its link stops syncing and says why. Reached from
 * the item's webhook, or from a push or read the provider answers with "gone" (the webhook
 * was lost: a sync never lists a deleted item, so nothing else would tell us).
 */
export async function unlinkItem(t: EngineTarget, link: { externalId: string } | { taskId: string }, why: string) {
  const m = await unlinkTaskLink(t.db, t.integrationId, link, why);
  if (!m) return { unlinked: false };
  await logAction(t.db, {
    actionType: 'webhook', status: 'warning', integrationId: t.integrationId, providerId: t.providerRowId,
    description: `[${t.slug}] ${m.key} was ${why}; its task was kept and unlinked.`, details: { taskId: m.taskId },
  });
  return { unlinked: true, taskId: m.taskId };
}

export const deletedAt = (t: EngineTarget) => `deleted on ${t.providerName}`;
