import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getIntegrationById } from '@/db/queries/integrations';
import { logAction } from '@/db/queries/integration-logs';
import { integrationProviders, projectIntegrations } from '@/db/schema';
import { errorSummary } from '@/lib/errors';
import { providerTypesWith } from '@/lib/integrations/registry';
import { pullCalendar } from './pull-calendar';

/**
 * The hourly safety net for lost pushes: one incremental pull per connected calendar
 * integration (one request when nothing changed). Failures are logged per integration.
 */
export async function reconcileCalendars(db: Db): Promise<{ pulled: number; failed: number }> {
  const types = providerTypesWith('calendar');
  const rows = await db
    .select({ id: projectIntegrations.id })
    .from(projectIntegrations)
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(
      and(
        inArray(integrationProviders.providerType, types),
        eq(projectIntegrations.isActive, true),
        eq(projectIntegrations.connectionStatus, 'connected'),
        isNotNull(projectIntegrations.externalId),
      ),
    );
  let pulled = 0;
  let failed = 0;
  for (const { id } of rows) {
    const integration = await getIntegrationById(db, id);
    if (!integration) continue;
    try {
      await pullCalendar(db, integration);
      pulled++;
    } catch (err) {
      failed++;
      await logAction(db, { actionType: 'sync', status: 'error', providerId: integration.providerId, integrationId: id, description: `Calendar reconcile failed: ${errorSummary(err)}` });
    }
  }
  return { pulled, failed };
}
