import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getIntegrationById } from '@/db/queries/integrations';
import { logAction } from '@/db/queries/integration-logs';
import { integrationProviders, projectIntegrations } from '@/db/schema';
import { errorSummary } from '@/lib/errors';
import { providersWith } from '@/lib/integrations/registry';
import { ensureSubscription } from './subscriptions';

/**
 * The renewal job for every provider with `subscription` (Google channels, Graph
 * subscriptions, and GitHub/Jira hooks once they declare it): whatever expires within its
 * provider's `renewMarginMs` is renewed. One failure does not stop the others.
 */
export async function renewDueSubscriptions(db: Db, now: Date = new Date(), origin?: string | null): Promise<{ renewed: string[]; failed: string[] }> {
  const renewed: string[] = [];
  const failed: string[] = [];
  for (const provider of await providersWith('subscription')) {
    const due = await db
      .select({ id: projectIntegrations.id })
      .from(projectIntegrations)
      .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
      .where(
        and(
          inArray(integrationProviders.providerType, [provider.id]),
          eq(projectIntegrations.isActive, true),
          isNotNull(projectIntegrations.subscriptionId),
          lt(projectIntegrations.subscriptionExpiresAt, new Date(now.getTime() + provider.subscription.renewMarginMs)),
        ),
      );
    for (const { id } of due) {
      const integration = await getIntegrationById(db, id);
      if (!integration) continue;
      try {
        await ensureSubscription(db, integration, { mode: 'renew', origin });
        renewed.push(id);
      } catch (err) {
        failed.push(id);
        await logAction(db, {
          actionType: 'error', status: 'error', providerId: integration.providerId, integrationId: id,
          description: `Push renewal failed: ${errorSummary(err)}`,
        });
      }
    }
  }
  return { renewed, failed };
}
