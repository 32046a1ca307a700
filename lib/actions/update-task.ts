'use server';

import { updateTask as patchTask } from '@/db/queries/tasks';
import { AppError } from '@/lib/errors';
import { scheduleTaskPush } from '@/lib/sync/schedule-task-push';
import { authedAction } from './safe-action';
import { assertTaskRefs } from './task-refs';
import { isUuid, updateTaskSchema } from './task-schema';

/** Any member edits a task (only the fields sent); updatedAt is always bumped. */
export const updateTask = authedAction('member', updateTaskSchema, async ({ db }, input) => {
  const { projectId, taskId, ...patch } = input;
  if (!isUuid(taskId)) throw new AppError('not_found', 'Task not found.');
  await assertTaskRefs(db, projectId, patch);
  const task = await patchTask(db, projectId, taskId, patch);
  if (!task) throw new AppError('not_found', 'Task not found.');
  scheduleTaskPush(task.id, patch); // two-way sync: linked GitHub issues get the edit
  return task;
});
