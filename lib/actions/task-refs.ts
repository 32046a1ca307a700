import type { DbOrTx } from '@/db/client';
import { findNonMembers } from '@/db/queries/members';
import { getMilestone } from '@/db/queries/milestones';
import { AppError } from '@/lib/errors';

/** Rejects assignees who are not members and milestones of another project, naming the field. */
export async function assertTaskRefs(
  db: DbOrTx,
  projectId: string,
  refs: { assigneeIds?: readonly string[]; milestoneId?: string | null },
): Promise<void> {
  if (refs.assigneeIds?.length) {
    const strangers = await findNonMembers(db, projectId, refs.assigneeIds);
    if (strangers.length > 0) {
      throw new AppError('bad_request', 'Assignees must be members of this project.', 'assigneeIds');
    }
  }
  if (refs.milestoneId && !(await getMilestone(db, projectId, refs.milestoneId))) {
    throw new AppError('bad_request', 'Choose a milestone of this project.', 'milestoneId');
  }
}
