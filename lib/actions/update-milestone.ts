'use server';

import { getMilestone, updateMilestone as patchMilestone } from '@/db/queries/milestones';
import { diffFields, withLocalChanges } from '@/lib/changes/record';
import { AppError } from '@/lib/errors';
import { withUniqueMilestoneName } from './milestone-name';
import { authedAction } from './safe-action';
import { isUuid, updateMilestoneSchema } from './task-schema';

/** Any member edits (renames) a milestone; a name another milestone of the project has is refused. */
export const updateMilestone = authedAction('member', updateMilestoneSchema, async ({ db, user }, input) => {
  const { projectId, milestoneId, ...patch } = input;
  if (!isUuid(milestoneId)) throw new AppError('not_found', 'Milestone not found.');
  const milestone = await withUniqueMilestoneName(db, projectId, patch.title, milestoneId, () =>
    withLocalChanges(db, { actorUserId: user.id }, async (tx, record) => {
      const before = await getMilestone(tx, projectId, milestoneId);
      const after = before && (await patchMilestone(tx, projectId, milestoneId, patch));
      if (!before || !after) return undefined;
      const diff = diffFields(before, after, Object.keys(patch));
      if (diff.fields.length) await record({ kind: 'milestone.updated', projectId, taskId: null, milestoneId, ...diff });
      return after;
    }),
  );
  if (!milestone) throw new AppError('not_found', 'Milestone not found.');
  return milestone;
});
