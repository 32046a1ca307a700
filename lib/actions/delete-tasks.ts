'use server';

import { getTask, linkedTaskIds, softDeleteTasks } from '@/db/queries/tasks';
import { pick, withLocalChanges } from '@/lib/changes/record';
import { taskFields } from '@/lib/integrations/contract/changes';
import { recordTaskActivity } from '@/db/queries/task-activity';
import { AppError } from '@/lib/errors';
import { applyTaskEdit } from './apply-task-edit';
import { deleteTasksSchema } from './lifecycle-schemas';
import { authedAction } from './safe-action';

/**
 * Any member deletes tasks (soft: restoreTasks undoes it). For linked tasks `external: 'close'`
 * first marks open ones cancelled through the edit path, so the push closes the external item
 * (a GitHub issue closes as not planned); 'leave' touches nothing outside Taskbridge.
 * Each deleted task is a `task.deleted` change (notifications, calendars), never a push.
 */
export const deleteTasks = authedAction('member', deleteTasksSchema, async ({ db, user }, input) => {
  const { projectId, taskIds, external } = input;
  const live = await Promise.all(taskIds.map((id) => getTask(db, projectId, id)));
  if (live.some((t) => !t)) throw new AppError('not_found', 'A selected task no longer exists. Reload the page.', 'taskIds');
  let closed = 0;
  if (external === 'close') {
    const linked = await linkedTaskIds(db, taskIds);
    for (const task of live) {
      if (!task || !linked.has(task.id) || (task.status !== 'todo' && task.status !== 'in_progress')) continue;
      await applyTaskEdit(db, projectId, task.id, { status: 'cancelled' }, { actorUserId: user.id });
      closed++;
    }
  }
  const deleted = await withLocalChanges(db, { actorUserId: user.id }, async (tx, record) => {
    const ids = await softDeleteTasks(tx, projectId, taskIds);
    for (const task of live) {
      if (!task || !ids.includes(task.id)) continue;
      await record({ kind: 'task.deleted', projectId, taskId: task.id, milestoneId: task.milestoneId, fields: [], before: pick(task, taskFields) });
    }
    await recordTaskActivity(tx, ids.map((taskId) => ({ taskId, actorId: user.id, field: 'deleted' })));
    return ids;
  });
  return { deleted, closed };
});
