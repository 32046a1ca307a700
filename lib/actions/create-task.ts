'use server';

import { createTask as insertTask } from '@/db/queries/tasks';
import { authedAction } from './safe-action';
import { assertTaskRefs } from './task-refs';
import { createTaskSchema } from './task-schema';

/** Any member creates tasks; assignees and milestone must belong to the project. */
export const createTask = authedAction('member', createTaskSchema, async ({ db, user }, input) => {
  const { projectId, ...values } = input;
  await assertTaskRefs(db, projectId, values);
  return insertTask(db, projectId, { ...values, createdBy: user.id });
});
