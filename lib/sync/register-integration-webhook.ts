import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { type IntegrationWithProvider, loadConnection, revealWebhookSecret } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { getProvider } from '@/lib/integrations/registry';

/** APP_URL when set, else the origin of the current request; null outside a request (scripts, tests). */
export async function requestOrigin(): Promise<string | null> {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/+$/, '');
  let h: Awaited<ReturnType<typeof headers>>;
  try {
    h = await headers();
  } catch {
    return null;
  }
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

/**
 * After a successful connection test: registers our webhook at the provider when it can
 * (GitHub with an admin token), storing the hook id; otherwise logs why, and the configure
 * page's instructions apply. Returns null for providers without the capability.
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
