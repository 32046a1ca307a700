import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { loadConnection, typedTokenConnection } from './connection';
import { getProviderCore } from './registry';

/**
 * The external id to store for what the owner typed: the provider's `resolve` (Slack: a
 * `#channel` name → its id) asks with the token of this same save when one was typed (none
 * when it is being cleared), else the stored one. An unchanged value, or a provider without
 * `resolve`, is kept as it is. Throws the resolver's AppError (a field message).
 */
export async function resolveExternalId(
  integration: IntegrationWithProvider,
  externalId: string,
  token: { typed?: string; cleared: boolean },
): Promise<{ id: string; name: string | null }> {
  const resolve = getProviderCore(integration.provider.providerType).externalId.resolve;
  if (!resolve || externalId === integration.externalId) return { id: externalId, name: null };
  const connection = token.typed || token.cleared
    ? typedTokenConnection(
        { integrationId: integration.id, apiBaseUrl: integration.provider.apiBaseUrl, externalId: integration.externalId, settings: integration.settings },
        token.typed,
      )
    : await loadConnection(integration);
  const resolved = await resolve(connection, externalId);
  return { id: resolved.id, name: resolved.name ?? null };
}
