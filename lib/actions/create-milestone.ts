'use server';

import { createMilestone as insertMilestone } from '@/db/queries/milestones';
import { withUniqueMilestoneName } from './milestone-name';
import { authedAction } from './safe-action';
import { createMilestoneSchema } from './task-schema';

/** Any member adds a milestone to the project; its name must be new in the project. */
export const createMilestone = authedAction('member', createMilestoneSchema, async ({ db }, input) => {
  const { projectId, ...values } = input;
  return withUniqueMilestoneName(db, projectId, values.title, undefined, () => insertMilestone(db, projectId, values));
});
