import type { DbOrTx } from '@/db/client';
import { insertComment } from '@/db/queries/comments';
import { getTask } from '@/db/queries/tasks';
import type { TaskComment } from '@/db/schema';
import { withLocalChanges } from '@/lib/changes/record';
import { AppError } from '@/lib/errors';

/**
 * The one place a local comment is created (the task page's form calls it through
 * addTaskComment): the comment and its `comment.created` local change are written in one
 * transaction, and the change is fanned out after the commit (Slack posts it in the task's
 * thread).
 */
export async function createTaskComment(
  db: DbOrTx,
  input: { projectId: string; taskId: string; authorId: string; body: string },
): Promise<TaskComment> {
  const task = await getTask(db, input.projectId, input.taskId);
  if (!task) throw new AppError('not_found', 'Task not found.');
  return withLocalChanges(db, { actorUserId: input.authorId }, async (tx, record) => {
    const comment = await insertComment(tx, { taskId: task.id, authorId: input.authorId, body: input.body });
    await record({
      kind: 'comment.created', projectId: input.projectId, taskId: task.id, milestoneId: task.milestoneId,
      fields: ['body'], after: { commentId: comment.id, body: comment.body },
    });
    return comment;
  });
}
