import { describeError } from '@/lib/errors';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { getIntegrationById, loadConnection } from '@/db/queries/integrations';
import { externalTaskMappings } from '@/db/schema';
import { getProvider } from '@/lib/integrations/registry';

export type PushOutcome = { integrationId: string; ok: boolean; pushed?: string[]; pulled?: string[]; conflicts?: number; error?: string };

/**
 * After a task is edited in the app: every linked, two-way integration gets the change
 * (each provider merges per field against its snapshot). Failures are logged on the
 * integration and returned, never thrown: the local edit is already saved.
 * Call it after the update commits (e.g. from the update-task action, via after()).
 */
export async function pushTaskChanges(db: Db, taskId: string): Promise<PushOutcome[]> {
  const links = await db
    .select({ integrationId: externalTaskMappings.integrationId })
    .from(externalTaskMappings)
    .where(and(eq(externalTaskMappings.taskId, taskId), eq(externalTaskMappings.syncEnabled, true)));
  const outcomes: PushOutcome[] = [];
  for (const { integrationId } of links) {
    const integration = await getIntegrationById(db, integrationId);
    const provider = integration && getProvider(integration.provider.providerType);
    if (!integration?.isActive || !provider?.pushTask) continue;
    try {
      const r = await provider.pushTask({ db, integration, connection: await loadConnection(integration), taskId });
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
