import { getDb } from '@/db/client';
import { localChanged } from '@/inngest/events';
import { dispatch, type DispatchOutcome } from '@/lib/jobs/dispatch';
import type { LocalChange } from '@/lib/integrations/contract/changes';
import { fanOutChange } from './fan-out';

/**
 * Hands a committed change to the fan-out: the `taskbridge/local.changed` Inngest event
 * (ids only), or in this process after the response. `attempt` keeps Inngest from dropping
 * a re-send of the same change as a duplicate event. Nothing is lost if this never runs:
 * the row is pending and the sweep sends it again.
 */
export function dispatchLocalChange(change: Pick<LocalChange, 'id' | 'projectId'>, attempt = 'new'): Promise<DispatchOutcome> {
  return dispatch(
    localChanged.create({ changeId: change.id, projectId: change.projectId }, { id: `local-change-${change.id}-${attempt}` }),
    () => fanOutChange(getDb(), change.id),
  );
}
