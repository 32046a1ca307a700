import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { getIntegrationById, type IntegrationWithProvider } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { errorSummary } from '@/lib/errors';
import { recoverGithubDeliveries, type RecoveryResult } from '@/lib/integrations/github/recover-deliveries';
import type { ProviderType } from '@/lib/integrations/provider-types';

type Recoverer = (db: DbOrTx, integration: IntegrationWithProvider) => Promise<RecoveryResult | null>;

/**
 * Providers whose delivery log can be read back and redelivered. Only GitHub offers that
 * today; the integrator may move this into the webhook capability of the contract.
 */
export const deliveryRecoverers: Partial<Record<ProviderType, Recoverer>> = { github: recoverGithubDeliveries };

/** The scheduled job: every connected integration with a registered hook gets its missed deliveries redelivered. */
export async function recoverMissedDeliveries(db: DbOrTx): Promise<{ integrations: number; redelivered: number }> {
  const candidates = await db
    .select({ id: projectIntegrations.id })
    .from(projectIntegrations)
    .where(
      and(
        eq(projectIntegrations.isActive, true),
        eq(projectIntegrations.connectionStatus, 'connected'),
        or(isNotNull(projectIntegrations.webhookExternalId), isNotNull(projectIntegrations.subscriptionId)),
      ),
    );
  let integrations = 0;
  let redelivered = 0;
  for (const { id } of candidates) {
    const integration = await getIntegrationById(db, id);
    const recover = integration && deliveryRecoverers[integration.provider.providerType];
    if (!integration || !recover) continue;
    try {
      const result = await recover(db, integration);
      if (result) {
        integrations++;
        redelivered += result.redelivered;
      }
    } catch (err) {
      await logAction(db, {
        actionType: 'webhook',
        status: 'warning',
        providerId: integration.providerId,
        integrationId: integration.id,
        description: `Missed-delivery recovery could not read the provider's delivery log: ${errorSummary(err)}`,
        details: { recovery: 'failed' },
      }).catch(() => {});
    }
  }
  return { integrations, redelivered };
}
