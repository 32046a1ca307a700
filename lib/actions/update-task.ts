'use server';

import { applyTaskEdit } from './apply-task-edit';
import { authedAction } from './safe-action';
import { updateTaskSchema } from './task-schema';

/** Any member edits a task (only the fields sent); updatedAt is always bumped. */
export const updateTask = authedAction('member', updateTaskSchema, async ({ db, user }, input) => {
  const { projectId, taskId, ...patch } = input;
  return applyTaskEdit(db, projectId, taskId, patch, { actorUserId: user.id });
});
