'use server';

import { createMilestone as insertMilestone } from '@/db/queries/milestones';
import { authedAction } from './safe-action';
import { createMilestoneSchema } from './task-schema';

/** Any member adds a milestone to the project. */
export const createMilestone = authedAction('member', createMilestoneSchema, async ({ db }, input) => {
  const { projectId, ...values } = input;
  return insertMilestone(db, projectId, values);
});
