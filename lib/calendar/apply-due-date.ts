import type { DbOrTx } from '@/db/client';
import { updateMilestone } from '@/db/queries/milestones';
import { applyTaskEdit } from '@/lib/actions/apply-task-edit';
import type { ChangeActor } from '@/lib/changes/record';
import { AppError } from '@/lib/errors';
import type { ItemRef } from './event-ids';

/**
 * A new deadline from a calendar, through the app's normal edit paths (a task through
 * applyTaskEdit, so linked GitHub/Jira items and the change fan-out get it like any edit; the
 * calendar integration it came from is its origin, so its event is not written back).
 */
export async function applyDueDate(db: DbOrTx, projectId: string, ref: ItemRef, dueDate: string, actor: ChangeActor): Promise<void> {
  if (ref.kind === 'task') {
    await applyTaskEdit(db, projectId, ref.id, { dueDate }, actor);
    return;
  }
  const m = await updateMilestone(db, projectId, ref.id, { dueDate });
  if (!m) throw new AppError('not_found', 'Milestone not found.');
}
