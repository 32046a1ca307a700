import type { Db } from '@/db/client';
import type { LocalChange } from '@/lib/integrations/contract/changes';
import type { ProviderDefinition } from '@/lib/integrations/types';
import { pushTaskChanges } from '@/lib/sync/push-task-changes';
import { UserFacingError } from '@/lib/errors';
import type { ChangeTarget } from './types';

/**
 * Whether a provider takes an edit of these task fields: a `taskSync` provider when its
 * `taskFields` name one of them (so a priority edit reaches Jira, not GitHub).
 */
export function syncsAnyOf(provider: ProviderDefinition, fields: readonly string[]): boolean {
  return Boolean(provider.taskSync?.taskFields.some((f) => fields.includes(f)));
}

/**
 * taskSync push: a task edit goes to every linked integration whose provider syncs one of
 * the changed fields, never back to the integration the change came in from. Creates and
 * deletes push nothing (export is explicit; deleting with "close" is an edit first).
 * A failed push throws, so the fan-out retries this target later.
 */
export const taskSyncTarget: ChangeTarget = {
  name: 'taskSync',
  async run(db: Db, change: LocalChange) {
    if (change.kind !== 'task.updated' || !change.taskId || change.fields.length === 0) return;
    const outcomes = await pushTaskChanges(db, change.taskId, {
      excludeIntegrationId: change.originIntegrationId,
      accepts: (provider) => syncsAnyOf(provider, change.fields),
    });
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) throw new UserFacingError(`Push failed for ${failed.length} integration(s): ${failed.map((o) => o.error).join('; ')}`);
  },
};
