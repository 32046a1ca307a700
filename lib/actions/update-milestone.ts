'use server';

import { updateMilestone as patchMilestone } from '@/db/queries/milestones';
import { AppError } from '@/lib/errors';
import { authedAction } from './safe-action';
import { isUuid, updateMilestoneSchema } from './task-schema';

/** Any member edits a milestone's title, description or due date. */
export const updateMilestone = authedAction('member', updateMilestoneSchema, async ({ db }, input) => {
  const { projectId, milestoneId, ...patch } = input;
  const milestone = isUuid(milestoneId) ? await patchMilestone(db, projectId, milestoneId, patch) : undefined;
  if (!milestone) throw new AppError('not_found', 'Milestone not found.');
  return milestone;
});
