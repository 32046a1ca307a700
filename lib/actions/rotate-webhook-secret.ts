'use server';

import { randomSecret } from '@/lib/crypto/secrets';
import { integrationRefSchema } from './integration-schemas';
import { replaceWebhookSecret } from './replace-webhook-secret';
import { authedAction } from './safe-action';

// Owner replaces the webhook secret with a new random one; the old one stops verifying at once.
export const rotateWebhookSecret = authedAction('owner', integrationRefSchema, async ({ db, user }, input) => {
  await replaceWebhookSecret(db, user.id, input, randomSecret(), 'Webhook secret rotated.');
  return { rotated: true };
});
