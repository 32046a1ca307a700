'use server';

import { deleteMilestone as removeMilestone } from '@/db/queries/milestones';
import { AppError } from '@/lib/errors';
import { deleteMilestoneSchema } from './lifecycle-schemas';
import { authedAction } from './safe-action';
import { isUuid } from './task-schema';

/** Any member deletes a milestone; its tasks stay, without a milestone. */
export const deleteMilestone = authedAction('member', deleteMilestoneSchema, async ({ db }, input) => {
  if (!isUuid(input.milestoneId) || !(await removeMilestone(db, input.projectId, input.milestoneId))) {
    throw new AppError('not_found', 'Milestone not found.');
  }
  return { deleted: input.milestoneId };
});
