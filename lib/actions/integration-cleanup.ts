import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { type IntegrationWithProvider } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { getProviderCore, loadProvider } from '@/lib/integrations/registry';
import { currentSubscription } from '@/lib/sync/subscriptions';

export type CleanupOutcome = 'none' | 'done' | 'failed';

/**
 * Before an integration row goes: the provider's cleanup (e.g. our webhook at GitHub), best
 * effort — a failure is logged and the delete goes ahead. External items are not touched.
 */
export async function runProviderCleanup(integration: IntegrationWithProvider): Promise<CleanupOutcome> {
  const provider = await loadProvider(integration.provider.providerType);
  const subscription = currentSubscription(integration);
  const onDelete = provider.connection?.onDelete;
  if (!onDelete && !(provider.subscription && subscription)) return 'none';
  try {
    const connection = await loadConnection(integration);
    // A push channel we opened (Google watch channel, Graph subscription) is stopped first.
    if (provider.subscription && subscription) await provider.subscription.unsubscribe(connection, subscription);
    await onDelete?.(connection);
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
  const name = getProviderCore(integration.provider.providerType).defaults.name;
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
