import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { configuredAppUrl } from '@/lib/app-url';
import { loadConnection, revealWebhookSecret } from '@/lib/integrations/connection';
import { providerWith } from '@/lib/integrations/registry';
import type { SubscriptionState } from '@/lib/integrations/types';

/** Our webhook URL for an integration (the push/notification URL a provider calls). */
export function webhookUrl(integration: IntegrationWithProvider, origin: string): string {
  return `${origin}/integrations/webhooks/${integration.provider.providerType}/${integration.id}/`;
}

export function currentSubscription(i: IntegrationWithProvider): SubscriptionState | null {
  return i.subscriptionId ? { id: i.subscriptionId, resourceId: i.subscriptionResourceId, expiresAt: i.subscriptionExpiresAt } : null;
}

async function store(db: DbOrTx, integration: IntegrationWithProvider, s: SubscriptionState | null, what: string) {
  await db
    .update(projectIntegrations)
    .set({ subscriptionId: s?.id ?? null, subscriptionResourceId: s?.resourceId ?? null, subscriptionExpiresAt: s?.expiresAt ?? null, updatedAt: new Date() })
    .where(eq(projectIntegrations.id, integration.id));
  Object.assign(integration, { subscriptionId: s?.id ?? null, subscriptionResourceId: s?.resourceId ?? null, subscriptionExpiresAt: s?.expiresAt ?? null });
  await logAction(db, {
    actionType: 'config', providerId: integration.providerId, integrationId: integration.id,
    description: `Push ${what}${s?.expiresAt ? ` (expires ${s.expiresAt.toISOString()})` : ''}.`, details: { subscriptionId: s?.id ?? null },
  });
}

/**
 * Keeps the integration's push channel alive: `subscribe` when there is none (or `replace`:
 * Graph removed it), `renew` otherwise. Needs APP_URL (or the request's origin) for the URL.
 * Providers without the capability: null.
 */
export async function ensureSubscription(
  db: DbOrTx,
  integration: IntegrationWithProvider,
  opts: { origin?: string | null; mode?: 'ensure' | 'renew' | 'replace' } = {},
): Promise<SubscriptionState | null> {
  const provider = await providerWith(integration.provider.providerType, 'subscription');
  const origin = opts.origin ?? configuredAppUrl();
  if (!provider || !origin || !integration.accessToken || !integration.externalId) return null;
  const connection = await loadConnection(integration);
  const input = { url: webhookUrl(integration, origin), secret: await revealWebhookSecret(integration) };
  const current = currentSubscription(integration);
  const mode = opts.mode ?? 'ensure';
  if (current && mode === 'ensure') return current;
  if (current && mode === 'renew') {
    const next = await provider.subscription.renew(connection, current, input);
    await store(db, integration, next, next.id === current.id ? 'renewed' : 'channel replaced');
    return next;
  }
  if (current && mode === 'replace') await provider.subscription.unsubscribe(connection, current).catch(() => {});
  const created = await provider.subscription.subscribe(connection, input);
  await store(db, integration, created, 'subscribed');
  return created;
}

/** Stops the push channel (disconnect, delete). Failures are the caller's to log. */
export async function dropSubscription(db: DbOrTx, integration: IntegrationWithProvider): Promise<void> {
  const provider = await providerWith(integration.provider.providerType, 'subscription');
  const current = currentSubscription(integration);
  if (!provider || !current) return;
  await provider.subscription.unsubscribe(await loadConnection(integration), current);
  await store(db, integration, null, 'stopped');
}
