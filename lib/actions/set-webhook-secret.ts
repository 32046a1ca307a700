'use server';

import { logAction } from '@/db/queries/integration-logs';
import { setWebhookSecret as storeWebhookSecret } from '@/db/queries/integrations';
import { setWebhookSecretSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

// Owner pastes a secret the provider issued (Slack's signing secret); stored encrypted, never logged.
export const setWebhookSecret = authedAction('owner', setWebhookSecretSchema, async ({ db, user }, input) => {
  const integration = await loadIntegrationOr404(db, input);
  await storeWebhookSecret(db, input.projectId, input.integrationId, input.secret);
  await logAction(db, {
    actionType: 'config',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: 'Webhook secret replaced with a provider-issued value.',
    details: { by: user.id },
  });
  return { saved: true };
});
