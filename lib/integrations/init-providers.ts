import type { DbOrTx } from '@/db/client';
import { upsertProviderRows } from '@/db/queries/providers';
import { providerTypes } from './provider-types';
import { providerCores, resolveApiBaseUrl } from './registry';

/**
 * The seed's init_integrations: upsert the five providers idempotently. API base URLs take
 * their env override, so tests and GitHub Enterprise point where they must. Lives above the
 * data layer, so that db/ never imports the provider SDKs.
 */
export async function initProviders(db: DbOrTx, env: Record<string, string | undefined> = process.env) {
  return upsertProviderRows(db, providerTypes.map((id) => {
    const d = providerCores[id].defaults;
    return {
      providerType: id, name: d.name, description: d.description, apiBaseUrl: resolveApiBaseUrl(id, env),
      authUrl: d.authUrl, tokenUrl: d.tokenUrl, revokeUrl: d.revokeUrl ?? null, scopes: d.scopes,
      supportsWebhooks: true, webhookEvents: d.webhookEvents, isActive: true,
    };
  }));
}
