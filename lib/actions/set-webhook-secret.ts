'use server';

import { setWebhookSecretSchema } from './integration-schemas';
import { replaceWebhookSecret } from './replace-webhook-secret';
import { authedAction } from './safe-action';

// Owner pastes a secret the provider issued (Slack's signing secret); stored encrypted, never logged.
export const setWebhookSecret = authedAction('owner', setWebhookSecretSchema, async ({ db, user }, input) => {
  await replaceWebhookSecret(db, user.id, input, input.secret, 'Webhook secret replaced with a provider-issued value.');
  return { saved: true };
});
