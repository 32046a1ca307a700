import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { type IntegrationWithProvider } from '@/db/queries/integrations';
import { loadConnection, revealWebhookSecret } from '@/lib/integrations/connection';
import { projectIntegrations } from '@/db/schema';
import { SubscriptionRefusedError } from '@/lib/integrations/kit/errors';
import { providerWith } from '@/lib/integrations/registry';
import { describeError } from '@/lib/errors';

/**
 * After a successful connection test: subscribes our webhook at the provider when it can
 * (GitHub with an admin token; calendars subscribe when they are activated), storing the subscription (id, resource, expiry; the id also as
 * webhookExternalId); otherwise logs why, and the configure page's instructions apply. Returns
 * null for providers without `subscription`, or without an origin (`requestAppUrl()`: APP_URL
 * in production).
 */
export async function registerIntegrationWebhook(
  db: DbOrTx,
  integration: IntegrationWithProvider,
  origin: string | null,
): Promise<{ registered: boolean; message: string } | null> {
  const provider = await providerWith(integration.provider.providerType, 'subscription');
  if (!origin || !provider || !integration.accessToken || !integration.externalId) return null;
  const url = `${origin}/integrations/webhooks/${provider.id}/${integration.id}/`;
  let message: string;
  let registered = false;
  try {
    const state = await provider.subscription.subscribe(await loadConnection(integration), { url, secret: await revealWebhookSecret(integration) });
    await db
      .update(projectIntegrations)
      .set({
        webhookExternalId: state.id, subscriptionId: state.id, subscriptionResourceId: state.resourceId,
        subscriptionExpiresAt: state.expiresAt, updatedAt: new Date(),
      })
      .where(eq(projectIntegrations.id, integration.id));
    registered = true;
    message = `Webhook registered on ${provider.defaults.name} (hook ${state.id}).`;
  } catch (err) {
    // Refused (the token may not manage hooks) or failed: the save stands, the log says why,
    // and the configure page's manual steps apply.
    message = err instanceof SubscriptionRefusedError
      ? err.message
      : `Could not register the webhook on ${provider.defaults.name}: ${describeError(err, 'the request failed', '[subscription]')}`;
  }
  await logAction(db, {
    actionType: 'config',
    status: registered ? 'success' : 'warning',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: message,
    details: { url },
  });
  return { registered, message };
}
