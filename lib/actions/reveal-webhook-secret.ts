'use server';

import { logAction } from '@/db/queries/integration-logs';
import { revealWebhookSecret as decryptWebhookSecret } from '@/lib/integrations/connection';
import { webhookCapabilities } from '@/lib/integrations/webhook-registry';
import { integrationRefSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

// Owner only: the plaintext secret goes to this response and nowhere else (never in page HTML).
export const revealWebhookSecret = authedAction('owner', integrationRefSchema, async ({ db, user }, input) => {
  const integration = await loadIntegrationOr404(db, input);
  const secret = await decryptWebhookSecret(integration);
  await logAction(db, {
    actionType: 'config',
    status: 'info',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: 'Webhook secret revealed to the owner.',
    details: { by: user.id },
  });
  // Providers that accept unsigned deliveries get a URL token derived from the secret.
  const urlToken = await webhookCapabilities[integration.provider.providerType].urlToken?.(secret);
  return { secret, urlToken: urlToken ?? null };
});
