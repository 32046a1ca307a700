import { integrationSecret, type IntegrationWithProvider } from '@/db/queries/integrations';
import type { ProjectIntegration } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secrets';
import type { IntegrationConnection } from './types';

/**
 * Supplies fresh access tokens for OAuth grants (set by lib/integrations/oauth at start-up, so
 * that this module does not import every provider's token client). Without one, the stored
 * token is returned as is.
 */
type TokenSource = (integration: IntegrationWithProvider, stored: () => Promise<string | null>) => Promise<string | null>;
let tokenSource: TokenSource | null = null;
export function setTokenSource(source: TokenSource | null): void {
  tokenSource = source;
}

/**
 * Credentials for provider calls. The token is decrypted on first use and refreshed lazily
 * when it is about to expire. Never log or render what `accessToken()` returns. A token that
 * cannot be decrypted throws SecretUnreadableError (a user-safe AppError: "enter it again").
 */
export async function loadConnection(integration: IntegrationWithProvider): Promise<IntegrationConnection> {
  // Decrypted up front, so an unreadable token fails here (as the connection test expects).
  const token = integration.accessToken
    ? await decryptSecret(integration.accessToken, integrationSecret(integration.id, 'access_token'))
    : null;
  const readStored = async () => token;
  return {
    integrationId: integration.id,
    apiBaseUrl: oauthApiBase(integration) ?? integration.provider.apiBaseUrl,
    accessToken: () => (tokenSource ? tokenSource(integration, readStored) : readStored()),
    externalId: integration.externalId,
    settings: integration.settings,
  };
}

/**
 * Credentials from a token that is not stored (yet): the one typed on this save, or a fresh
 * grant's, so the provider is asked about what the owner typed before anything is written.
 * No token (it is being cleared, or none was typed) → accessToken() gives null.
 */
export function typedTokenConnection(
  target: Omit<IntegrationConnection, 'accessToken'>,
  token: string | null | undefined,
): IntegrationConnection {
  return { ...target, accessToken: async () => token ?? null };
}

/** An OAuth grant may name its own API base (Atlassian: api.atlassian.com/ex/jira/{cloudId} of the chosen site). */
function oauthApiBase(integration: IntegrationWithProvider): string | null {
  const base = integration.authMethod === 'oauth' ? integration.oauthAccount?.apiBaseUrl : null;
  return typeof base === 'string' && base ? base : null;
}

export async function revealWebhookSecret(integration: Pick<ProjectIntegration, 'id' | 'webhookSecret'>): Promise<string> {
  return decryptSecret(integration.webhookSecret, integrationSecret(integration.id, 'webhook_secret'));
}
