'use server';

import { restoreTasks as undelete } from '@/db/queries/tasks';
import { AppError } from '@/lib/errors';
import { restoreTasksSchema } from './lifecycle-schemas';
import { authedAction } from './safe-action';

/** Undo of deleteTasks: any member brings deleted tasks of the project back. */
export const restoreTasks = authedAction('member', restoreTasksSchema, async ({ db }, input) => {
  const restored = await undelete(db, input.projectId, input.taskIds);
  if (restored.length === 0) throw new AppError('not_found', 'Nothing to restore.', 'taskIds');
  return { restored };
});
