import type { DbOrTx } from '@/db/client';
import { diffTaskEdit, recordTaskActivity } from '@/db/queries/task-activity';
import { getTaskForUpdate, type TaskValues, updateTask as patchTask } from '@/db/queries/tasks';
import type { Task } from '@/db/schema';
import { type ChangeActor, diffFields, withLocalChanges } from '@/lib/changes/record';
import { AppError } from '@/lib/errors';
import { assertTaskRefs } from './task-refs';
import { isUuid } from './task-schema';

/**
 * The one path every task edit takes (the edit form, the board's drag, bulk changes, closing
 * on delete): refs checked, updatedAt bumped, and — in the same transaction — the fields that
 * really changed recorded in the task's activity (who, from, to) and as one local change,
 * fanned out after the commit (lib/changes: linked integrations that sync those fields,
 * notifications, calendars).
 */
export async function applyTaskEdit(
  db: DbOrTx,
  projectId: string,
  taskId: string,
  patch: Partial<TaskValues>,
  actor: ChangeActor,
): Promise<Task> {
  if (!isUuid(taskId)) throw new AppError('not_found', 'Task not found.');
  await assertTaskRefs(db, projectId, patch);
  return withLocalChanges(db, actor, async (tx, record) => {
    const before = await getTaskForUpdate(tx, projectId, taskId);
    const task = before && (await patchTask(tx, projectId, taskId, patch));
    if (!before || !task) throw new AppError('not_found', 'Task not found.');
    await recordTaskActivity(tx, diffTaskEdit(before, task, patch, actor.actorUserId));
    const diff = diffFields(before, task, Object.keys(patch));
    if (diff.fields.length) await record({ kind: 'task.updated', projectId, taskId, milestoneId: task.milestoneId, ...diff });
    return task;
  });
}
