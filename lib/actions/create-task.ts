'use server';

import { createTask as insertTask } from '@/db/queries/tasks';
import { pick, withLocalChanges } from '@/lib/changes/record';
import { taskFields } from '@/lib/integrations/contract/changes';
import { recordTaskActivity } from '@/db/queries/task-activity';
import { authedAction } from './safe-action';
import { assertTaskRefs } from './task-refs';
import { createTaskSchema } from './task-schema';

/** Any member creates tasks (the form, quick add); assignees and milestone must belong to the project. */
export const createTask = authedAction('member', createTaskSchema, async ({ db, user }, input) => {
  const { projectId, ...values } = input;
  await assertTaskRefs(db, projectId, values);
  return withLocalChanges(db, { actorUserId: user.id }, async (tx, record) => {
    const task = await insertTask(tx, projectId, { ...values, createdBy: user.id });
    await record({
      kind: 'task.created', projectId, taskId: task.id, milestoneId: task.milestoneId, fields: [...taskFields], after: pick(task, taskFields),
    });
    await recordTaskActivity(tx, [{ taskId: task.id, actorId: user.id, field: 'created' }]);
    return task;
  });
});
