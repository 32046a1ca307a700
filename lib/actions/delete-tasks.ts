'use server';

import { getTask, linkedTaskIds, softDeleteTasks } from '@/db/queries/tasks';
import { AppError } from '@/lib/errors';
import { applyTaskEdit } from './apply-task-edit';
import { deleteTasksSchema } from './lifecycle-schemas';
import { authedAction } from './safe-action';

/**
 * Any member deletes tasks (soft: restoreTasks undoes it). For linked tasks `external: 'close'`
 * first marks open ones cancelled through the edit path, so the push closes the external item
 * (a GitHub issue closes as not planned); 'leave' touches nothing outside Taskbridge.
 */
export const deleteTasks = authedAction('member', deleteTasksSchema, async ({ db }, input) => {
  const { projectId, taskIds, external } = input;
  const live = await Promise.all(taskIds.map((id) => getTask(db, projectId, id)));
  if (live.some((t) => !t)) throw new AppError('not_found', 'A selected task no longer exists. Reload the page.', 'taskIds');
  let closed = 0;
  if (external === 'close') {
    const linked = await linkedTaskIds(db, taskIds);
    for (const task of live) {
      if (!task || !linked.has(task.id) || (task.status !== 'todo' && task.status !== 'in_progress')) continue;
      await applyTaskEdit(db, projectId, task.id, { status: 'cancelled' });
      closed++;
    }
  }
  const deleted = await softDeleteTasks(db, projectId, taskIds);
  return { deleted, closed };
});
