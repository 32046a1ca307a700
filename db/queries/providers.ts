import { eq, sql } from 'drizzle-orm';
import { providerIds, type ProviderId } from '@/lib/integrations/provider-ids';
import { providers, resolveApiBaseUrl } from '@/lib/integrations/registry';
import type { DbOrTx } from '../client';
import { type IntegrationProvider, integrationProviders } from '../schema';

/**
 * The seed's init_integrations: upsert the five providers idempotently. API base URLs take
 * their env override, so tests and GitHub Enterprise point where they must.
 */
export async function initProviders(db: DbOrTx, env: Record<string, string | undefined> = process.env) {
  const rows = providerIds.map((id) => {
    const d = providers[id].defaults;
    return {
      providerType: id,
      name: d.name,
      description: d.description,
      apiBaseUrl: resolveApiBaseUrl(id, env),
      authUrl: d.authUrl,
      tokenUrl: d.tokenUrl,
      revokeUrl: d.revokeUrl ?? null,
      scopes: d.scopes,
      supportsWebhooks: true,
      webhookEvents: d.webhookEvents,
      isActive: true,
    };
  });
  return db
    .insert(integrationProviders)
    .values(rows)
    .onConflictDoUpdate({
      target: integrationProviders.providerType,
      set: {
        name: sql`excluded.name`,
        description: sql`excluded.description`,
        apiBaseUrl: sql`excluded.api_base_url`,
        authUrl: sql`excluded.auth_url`,
        tokenUrl: sql`excluded.token_url`,
        revokeUrl: sql`excluded.revoke_url`,
        scopes: sql`excluded.scopes`,
        supportsWebhooks: sql`excluded.supports_webhooks`,
        webhookEvents: sql`excluded.webhook_events`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: integrationProviders.id, providerType: integrationProviders.providerType });
}

export async function getProviderRow(db: DbOrTx, id: ProviderId): Promise<IntegrationProvider | undefined> {
  const [row] = await db.select().from(integrationProviders).where(eq(integrationProviders.providerType, id));
  return row;
}

export async function listProviderRows(db: DbOrTx): Promise<IntegrationProvider[]> {
  return db.select().from(integrationProviders).orderBy(integrationProviders.providerType);
}
