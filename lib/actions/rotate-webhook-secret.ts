'use server';

import { logAction } from '@/db/queries/integration-logs';
import { setWebhookSecret } from '@/db/queries/integrations';
import { randomSecret } from '@/lib/crypto/secrets';
import { integrationRefSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

// Owner replaces the webhook secret with a new random one; the old one stops verifying at once.
export const rotateWebhookSecret = authedAction('owner', integrationRefSchema, async ({ db, user }, input) => {
  const integration = await loadIntegrationOr404(db, input);
  await setWebhookSecret(db, input.projectId, input.integrationId, randomSecret());
  await logAction(db, {
    actionType: 'config',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: 'Webhook secret rotated.',
    details: { by: user.id },
  });
  return { rotated: true };
});
