import type { DbOrTx } from '@/db/client';
import { type TaskValues, updateTask as patchTask } from '@/db/queries/tasks';
import type { Task } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { scheduleTaskPush } from '@/lib/sync/schedule-task-push';
import { assertTaskRefs } from './task-refs';
import { isUuid } from './task-schema';

/**
 * The one path every task edit takes (the edit form, the board's drag, bulk changes, closing
 * on delete): refs checked, updatedAt bumped, and the push to linked integrations scheduled.
 */
export async function applyTaskEdit(db: DbOrTx, projectId: string, taskId: string, patch: Partial<TaskValues>): Promise<Task> {
  if (!isUuid(taskId)) throw new AppError('not_found', 'Task not found.');
  await assertTaskRefs(db, projectId, patch);
  const task = await patchTask(db, projectId, taskId, patch);
  if (!task) throw new AppError('not_found', 'Task not found.');
  scheduleTaskPush(task.id, patch); // two-way sync: linked GitHub issues get the edit
  return task;
}
