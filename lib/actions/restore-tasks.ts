'use server';

import { restoreTasks as undelete } from '@/db/queries/tasks';
import { withLocalChanges } from '@/lib/changes/record';
import { recordTaskActivity } from '@/db/queries/task-activity';
import { AppError } from '@/lib/errors';
import { restoreTasksSchema } from './lifecycle-schemas';
import { authedAction } from './safe-action';

/** Undo of deleteTasks: any member brings deleted tasks of the project back (a `task.restored` change each). */
export const restoreTasks = authedAction('member', restoreTasksSchema, async ({ db, user }, input) => {
  const restored = await withLocalChanges(db, { actorUserId: user.id }, async (tx, record) => {
    const ids = await undelete(tx, input.projectId, input.taskIds);
    for (const taskId of ids) await record({ kind: 'task.restored', projectId: input.projectId, taskId, milestoneId: null, fields: [] });
    await recordTaskActivity(tx, ids.map((taskId) => ({ taskId, actorId: user.id, field: 'restored' })));
    return ids;
  });
  if (restored.length === 0) throw new AppError('not_found', 'Nothing to restore.', 'taskIds');
  return { restored };
});
