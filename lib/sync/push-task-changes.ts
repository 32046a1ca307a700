import { describeError } from '@/lib/errors';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { getIntegrationById } from '@/db/queries/integrations';
import { listSyncingIntegrationIds } from '@/db/queries/task-links';
import { loadConnection } from '@/lib/integrations/connection';
import { providerWith } from '@/lib/integrations/registry';
import type { ProviderDefinition } from '@/lib/integrations/types';
import { pushTask } from './engine/task-ops';

export type PushOutcome = { integrationId: string; ok: boolean; pushed?: string[]; pulled?: string[]; conflicts?: number; error?: string };

export type PushTaskOptions = {
  /** The integration the change came in from: not pushed back there (echo suppression by origin). */
  excludeIntegrationId?: string | null;
  /** Only providers this accepts (the fan-out's routing by the fields they sync). */
  accepts?: (provider: ProviderDefinition) => boolean;
};

/**
 * After a task is edited in the app: every linked, two-way integration gets the change
 * (the engine merges per field against the link's snapshot). Failures are logged on the
 * integration and returned, never thrown: the local edit is already saved.
 * Called after the change commits, by the fan-out of local changes (lib/changes/targets/task-sync.ts).
 */
export async function pushTaskChanges(db: Db, taskId: string, options: PushTaskOptions = {}): Promise<PushOutcome[]> {
  const integrationIds = await listSyncingIntegrationIds(db, taskId, options.excludeIntegrationId);
  const outcomes: PushOutcome[] = [];
  for (const integrationId of integrationIds) {
    const integration = await getIntegrationById(db, integrationId);
    const provider = integration && await providerWith(integration.provider.providerType, 'taskSync');
    if (!integration?.isActive || !provider || (options.accepts && !options.accepts(provider))) continue;
    try {
      const r = await pushTask({ db, integration, connection: await loadConnection(integration), taskId });
      outcomes.push({ integrationId, ok: true, ...r });
    } catch (err) {
      const error = describeError(err, 'The push failed', '[sync]');
      outcomes.push({ integrationId, ok: false, error });
      await logAction(db, {
        actionType: 'export', status: 'error', providerId: integration.providerId, integrationId,
        description: `Could not send a task edit to ${provider.defaults.name}: ${error}`, details: { taskId },
      });
    }
  }
  return outcomes;
}
