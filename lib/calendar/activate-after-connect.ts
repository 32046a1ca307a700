import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { errorSummary } from '@/lib/errors';
import { activateCalendar } from './activate-calendar';

/** Runs activateCalendar after a successful test; a failure is logged (the test result stands). */
export async function activateAfterConnect(db: Db, integration: IntegrationWithProvider, origin: string | null): Promise<void> {
  try {
    await activateCalendar(db, integration, origin);
  } catch (err) {
    await logAction(db, {
      actionType: 'error', status: 'error', providerId: integration.providerId, integrationId: integration.id,
      description: `Calendar setup failed: ${errorSummary(err)}`,
    });
  }
}
