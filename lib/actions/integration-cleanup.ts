import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { type IntegrationWithProvider, loadConnection } from '@/db/queries/integrations';
import { getProvider } from '@/lib/integrations/registry';

export type CleanupOutcome = 'none' | 'done' | 'failed';

/**
 * Before an integration row goes: the provider's cleanup (e.g. our webhook at GitHub), best
 * effort — a failure is logged and the delete goes ahead. External items are not touched.
 */
export async function runProviderCleanup(integration: IntegrationWithProvider): Promise<CleanupOutcome> {
  const provider = getProvider(integration.provider.providerType);
  if (!provider.onDelete) return 'none';
  try {
    await provider.onDelete(await loadConnection(integration));
    return 'done';
  } catch (err) {
    console.warn(`[${provider.id}] cleanup before delete failed:`, err instanceof Error ? err.name : typeof err);
    return 'failed';
  }
}

/** The audit line kept after the delete (without the integration id: its logs go with it). */
export async function logIntegrationDeleted(
  db: DbOrTx,
  integration: IntegrationWithProvider,
  cleanup: CleanupOutcome,
  details: { by: string; projectId: string; projectDeleted?: boolean },
): Promise<void> {
  const name = getProvider(integration.provider.providerType).defaults.name;
  await logAction(db, {
    actionType: 'config',
    status: cleanup === 'failed' ? 'warning' : 'success',
    providerId: integration.providerId,
    integrationId: null,
    description:
      cleanup === 'failed' ? `${name} integration deleted; cleanup at ${name} failed.` : `${name} integration deleted.`,
    details: { ...details, deletedIntegrationId: integration.id, externalId: integration.externalId, cleanup },
  });
}
