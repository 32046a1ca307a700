'use server';

import { createMilestone as insertMilestone } from '@/db/queries/milestones';
import { pick, withLocalChanges } from '@/lib/changes/record';
import { milestoneFields } from '@/lib/integrations/contract/changes';
import { withUniqueMilestoneName } from './milestone-name';
import { authedAction } from './safe-action';
import { createMilestoneSchema } from './task-schema';

/** Any member adds a milestone to the project; its name must be new in the project. */
export const createMilestone = authedAction('member', createMilestoneSchema, async ({ db, user }, input) => {
  const { projectId, ...values } = input;
  return withUniqueMilestoneName(db, projectId, values.title, undefined, () =>
    withLocalChanges(db, { actorUserId: user.id }, async (tx, record) => {
      const milestone = await insertMilestone(tx, projectId, values);
      await record({
        kind: 'milestone.created', projectId, taskId: null, milestoneId: milestone.id, fields: [...milestoneFields], after: pick(milestone, milestoneFields),
      });
      return milestone;
    }),
  );
});
