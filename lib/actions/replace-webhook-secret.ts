import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { setWebhookSecret } from '@/db/queries/integrations';
import { loadIntegrationOr404 } from './load-integration';

/** Stores a new webhook secret (encrypted) and logs why — never the value. Shared by rotate and set. */
export async function replaceWebhookSecret(
  db: Db,
  by: string,
  ref: { projectId: string; integrationId: string },
  secret: string,
  description: string,
): Promise<void> {
  const integration = await loadIntegrationOr404(db, ref);
  await setWebhookSecret(db, ref.projectId, ref.integrationId, secret);
  await logAction(db, {
    actionType: 'config',
    providerId: integration.providerId,
    integrationId: integration.id,
    description,
    details: { by },
  });
}
