import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { externalTaskMappings, taskSyncEvents } from '@/db/schema';

type Target = { integrationId: string; providerId: string };

/**
 * A deleted or transferred issue: the task stays, its link stops syncing and says why.
 * Reached from the issue's webhook, or from a push that GitHub answers 410 Gone (the
 * webhook was lost: the sync never lists a deleted issue, so nothing else would tell us).
 */
export async function unlinkIssue(db: DbOrTx, base: Target, link: { externalId: string } | { taskId: string }, why: string) {
  const which = 'externalId' in link ? eq(externalTaskMappings.externalId, link.externalId) : eq(externalTaskMappings.taskId, link.taskId);
  const [m] = await db
    .update(externalTaskMappings)
    .set({ syncEnabled: false, snapshot: sql`${externalTaskMappings.snapshot} || ${JSON.stringify({ unlinked: why })}::jsonb`, updatedAt: new Date() })
    .where(and(eq(externalTaskMappings.integrationId, base.integrationId), which, eq(externalTaskMappings.syncEnabled, true)))
    .returning({ taskId: externalTaskMappings.taskId, key: externalTaskMappings.externalKey });
  if (!m) return { unlinked: false };
  await db.insert(taskSyncEvents).values({ taskId: m.taskId, integrationId: base.integrationId, kind: 'unlinked', summary: `Unlinked: ${m.key} was ${why}` });
  await logAction(db, {
    actionType: 'webhook', status: 'warning', integrationId: base.integrationId, providerId: base.providerId,
    description: `[github] ${m.key} was ${why}; its task was kept and unlinked.`, details: { taskId: m.taskId },
  });
  return { unlinked: true, taskId: m.taskId };
}

/** GitHub's answer for a deleted issue. */
export const isGone = (err: unknown) => (err as { status?: number } | null)?.status === 410;
