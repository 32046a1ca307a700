import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getOpenConflict, markConflictResolved } from '@/db/queries/conflicts';
import { logAction } from '@/db/queries/integration-logs';
import { getIntegrationById } from '@/db/queries/integrations';
import { findTaskLink, readLinks } from '@/db/queries/task-links';
import { recordTaskSyncEvent } from '@/db/queries/task-timeline';
import type { TaskValues } from '@/db/queries/tasks';
import { tasks } from '@/db/schema';
import { applyTaskEdit } from '@/lib/actions/apply-task-edit';
import { AppError } from '@/lib/errors';
import { pushFields } from './push-item';
import { engineTarget, mapContext } from './target';

/** 'edit' takes `value` (the owner's own text). */
export type ConflictChoice = { choice: 'app' | 'provider' | 'edit'; value?: string };

const TASK_COLUMNS = ['title', 'description', 'status', 'priority', 'labels', 'assigneeIds', 'dueDate'] as const;

/** An edited value in the field's terms: a list field takes comma-separated words, any other a text. */
function editedValue(sample: unknown, text: string): unknown {
  if (Array.isArray(sample)) return text.split(',').map((s) => s.trim()).filter(Boolean);
  if (sample === null || typeof sample === 'string') return text;
  throw new AppError('bad_request', 'This field cannot be edited here: choose one of the two values.', 'value');
}

/**
 * Settles an inbox conflict: the chosen value goes to the provider first through the engine's
 * push (so the link's snapshot — the base of the next merge — becomes that value and the
 * provider's answer is not seen as a new change), then to the task through applyTaskEdit with
 * the owner as actor (activity, outbox). Recorded on the task's timeline and in the log.
 */
export async function resolveConflict(db: Db, input: { projectId: string; conflictId: string; userId: string } & ConflictChoice) {
  const conflict = await getOpenConflict(db, input.projectId, input.conflictId);
  if (!conflict) throw new AppError('not_found', 'This conflict is not open any more.', 'conflictId');
  const integration = await getIntegrationById(db, conflict.integrationId);
  const t = integration && await engineTarget(db, integration);
  if (!t) throw new AppError('bad_request', 'This integration cannot sync tasks.', 'conflictId');
  const value =
    input.choice === 'app' ? conflict.appValue
    : input.choice === 'provider' ? conflict.providerValue
    : editedValue(conflict.appValue ?? conflict.providerValue, input.value ?? '');
  const link = await findTaskLink(db, t.integrationId, conflict.taskId);
  const { members } = await readLinks(db, { integrationId: t.integrationId, projectId: t.projectId, externalIds: [] });
  const map = mapContext(t, members);
  if (link?.syncEnabled && link.externalKey) {
    await pushFields(t, { taskId: link.taskId, externalId: link.externalId, externalKey: link.externalKey, snapshot: link.snapshot ?? {} }, { [conflict.field]: value }, map);
  }
  const [task] = await db.select().from(tasks).where(and(eq(tasks.id, conflict.taskId), eq(tasks.projectId, t.projectId)));
  if (!task) throw new AppError('not_found', 'Task not found.', 'conflictId');
  if (conflict.field !== 'milestone') {
    const next = t.cap.toTask({ [conflict.field]: value }, map, task);
    const patch: Partial<TaskValues> = {};
    for (const k of TASK_COLUMNS) {
      if (k in next && JSON.stringify(next[k]) !== JSON.stringify(task[k])) (patch as Record<string, unknown>)[k] = next[k];
    }
    if (Object.keys(patch).length) await applyTaskEdit(db, t.projectId, task.id, patch, { actorUserId: input.userId });
  }
  const side = input.choice === 'app' ? 'Taskbridge value' : input.choice === 'provider' ? `${t.providerName} value` : 'edited value';
  await recordTaskSyncEvent(db, {
    taskId: conflict.taskId, integrationId: t.integrationId, kind: 'conflict',
    summary: `Conflict on ${conflict.field} resolved by the owner: ${side} applied to both sides`,
    details: { field: conflict.field, outcome: 'resolved', chosen: input.choice, value, conflictId: conflict.id, resolvedBy: input.userId },
  });
  await markConflictResolved(db, conflict.id, { chosen: input.choice === 'edit' ? 'edited' : input.choice, value, userId: input.userId });
  await logAction(db, {
    actionType: 'sync', providerId: t.providerRowId, integrationId: t.integrationId,
    description: `[${t.slug}] Conflict on ${link?.externalKey ?? 'a task'} ${conflict.field} resolved: ${side}.`,
    details: { taskId: conflict.taskId, field: conflict.field, chosen: input.choice },
  });
  return { field: conflict.field, value };
}
