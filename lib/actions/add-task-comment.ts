'use server';

import { z } from 'zod';
import { createTaskComment } from '@/lib/tasks/create-comment';
import { authedAction } from './safe-action';
import { isUuid } from './task-schema';
import { AppError } from '@/lib/errors';

const addCommentSchema = z.object({
  projectId: z.string(),
  taskId: z.string(),
  body: z.string().trim().min(1, 'Write a comment first.').max(10_000, 'At most 10,000 characters.'),
});

/** Any member comments on a task of the project. */
export const addTaskComment = authedAction('member', addCommentSchema, async ({ db, user }, input) => {
  if (!isUuid(input.taskId)) throw new AppError('not_found', 'Task not found.');
  const c = await createTaskComment(db, { projectId: input.projectId, taskId: input.taskId, authorId: user.id, body: input.body });
  return { id: c.id, createdAt: c.createdAt };
});
