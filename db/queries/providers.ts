import { eq, sql } from 'drizzle-orm';
import type { ProviderType } from '@/lib/integrations/provider-types';
import type { DbOrTx } from '../client';
import { type IntegrationProvider, integrationProviders } from '../schema';

export type ProviderRowInput = Omit<typeof integrationProviders.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** Upserts provider rows by type, idempotently (lib/integrations/init-providers.ts builds them from the registry). */
export async function upsertProviderRows(db: DbOrTx, rows: ProviderRowInput[]) {
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

export async function getProviderRow(db: DbOrTx, id: ProviderType): Promise<IntegrationProvider | undefined> {
  const [row] = await db.select().from(integrationProviders).where(eq(integrationProviders.providerType, id));
  return row;
}

export async function listProviderRows(db: DbOrTx): Promise<IntegrationProvider[]> {
  return db.select().from(integrationProviders).orderBy(integrationProviders.providerType);
}
