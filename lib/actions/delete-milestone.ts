'use server';

import { deleteMilestone as removeMilestone, getMilestone } from '@/db/queries/milestones';
import { pick, withLocalChanges } from '@/lib/changes/record';
import { milestoneFields } from '@/lib/integrations/contract/changes';
import { AppError } from '@/lib/errors';
import { deleteMilestoneSchema } from './lifecycle-schemas';
import { authedAction } from './safe-action';
import { isUuid } from './task-schema';

/** Any member deletes a milestone; its tasks stay, without a milestone. */
export const deleteMilestone = authedAction('member', deleteMilestoneSchema, async ({ db, user }, input) => {
  const { projectId, milestoneId } = input;
  const deleted = isUuid(milestoneId) && (await withLocalChanges(db, { actorUserId: user.id }, async (tx, record) => {
    const before = await getMilestone(tx, projectId, milestoneId);
    if (!before || !(await removeMilestone(tx, projectId, milestoneId))) return false;
    await record({ kind: 'milestone.deleted', projectId, taskId: null, milestoneId, fields: [], before: pick(before, milestoneFields) });
    return true;
  }));
  if (!deleted) throw new AppError('not_found', 'Milestone not found.');
  return { deleted: milestoneId };
});
