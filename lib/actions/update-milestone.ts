'use server';

import { updateMilestone as patchMilestone } from '@/db/queries/milestones';
import { AppError } from '@/lib/errors';
import { withUniqueMilestoneName } from './milestone-name';
import { authedAction } from './safe-action';
import { isUuid, updateMilestoneSchema } from './task-schema';

/** Any member edits (renames) a milestone; a name another milestone of the project has is refused. */
export const updateMilestone = authedAction('member', updateMilestoneSchema, async ({ db }, input) => {
  const { projectId, milestoneId, ...patch } = input;
  if (!isUuid(milestoneId)) throw new AppError('not_found', 'Milestone not found.');
  const milestone = await withUniqueMilestoneName(db, projectId, patch.title, milestoneId, () =>
    patchMilestone(db, projectId, milestoneId, patch),
  );
  if (!milestone) throw new AppError('not_found', 'Milestone not found.');
  return milestone;
});
