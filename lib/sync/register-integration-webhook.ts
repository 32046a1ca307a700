import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { type IntegrationWithProvider, loadConnection, revealWebhookSecret } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { getProvider } from '@/lib/integrations/registry';

/**
 * After a successful connection test: registers our webhook at the provider when it can
 * (GitHub with an admin token), storing the hook id; otherwise logs why, and the configure
 * page's instructions apply. Returns null for providers without the capability, or without
 * an origin (`requestAppUrl()`: APP_URL in production).
 */
export async function registerIntegrationWebhook(
  db: DbOrTx,
  integration: IntegrationWithProvider,
  origin: string | null,
): Promise<{ registered: boolean; message: string } | null> {
  const provider = getProvider(integration.provider.providerType);
  if (!origin || !provider.registerWebhook || !integration.accessToken || !integration.externalId) return null;
  const url = `${origin}/integrations/webhooks/${provider.id}/${integration.id}/`;
  const out = await provider.registerWebhook(await loadConnection(integration), { url, secret: await revealWebhookSecret(integration) });
  if (out.ok) {
    await db
      .update(projectIntegrations)
      .set({ webhookExternalId: out.hookId, updatedAt: new Date() })
      .where(eq(projectIntegrations.id, integration.id));
  }
  const message = out.ok ? `Webhook registered on ${provider.defaults.name} (hook ${out.hookId}).` : out.reason;
  await logAction(db, {
    actionType: 'config',
    status: out.ok ? 'success' : 'warning',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: message,
    details: { url },
  });
  return { registered: out.ok, message };
}
