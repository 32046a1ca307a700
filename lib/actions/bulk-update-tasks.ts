'use server';

import { getTask } from '@/db/queries/tasks';
import type { TaskValues } from '@/db/queries/tasks';
import { AppError } from '@/lib/errors';
import { applyTaskEdit } from './apply-task-edit';
import { type BulkChange, bulkUpdateSchema } from './lifecycle-schemas';
import { authedAction } from './safe-action';
import { parseLabels } from './task-schema';

function patchFor(change: BulkChange, current: { labels: string[] }): Partial<TaskValues> {
  switch (change.kind) {
    case 'status': return { status: change.status };
    case 'assignee': return { assigneeIds: change.userId ? [change.userId] : [] };
    case 'addLabels': return { labels: parseLabels([...current.labels, ...change.labels]) };
    case 'milestone': return { milestoneId: change.milestoneId };
  }
}

/**
 * Any member changes many tasks at once: one edit per task through applyTaskEdit (the same
 * path as the edit form), so each task's push to its integrations is scheduled.
 */
export const bulkUpdateTasks = authedAction('member', bulkUpdateSchema, async ({ db, user }, input) => {
  const updated: string[] = [];
  for (const taskId of input.taskIds) {
    const task = await getTask(db, input.projectId, taskId);
    if (!task) throw new AppError('not_found', 'A selected task no longer exists. Reload the page.', 'taskIds');
    await applyTaskEdit(db, input.projectId, taskId, patchFor(input.change, task), { actorUserId: user.id });
    updated.push(taskId);
  }
  return { updated };
});
