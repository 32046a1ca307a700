import type { DbOrTx } from '@/db/client';
import { integrationSecret } from '@/db/queries/integrations';
import { type GrantColumns, writeGrant } from '@/db/queries/oauth-grants';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';
import type { OAuthGrant } from '@/lib/integrations/contract/oauth';

/** Non-secret facts kept in `oauthAccount`: the provider's account, the sites and the chosen one (apiBaseUrl). */
export type OAuthAccount = Record<string, unknown> & {
  sites?: Array<{ id: string; name: string; url: string; apiBaseUrl: string }>;
  siteId?: string;
  apiBaseUrl?: string;
};

/**
 * The account after a new grant. A reconnect keeps the chosen site when the grant still covers
 * it; a single site is chosen at once. Returns whether the owner must still pick a site.
 */
export function accountForGrant(previous: OAuthAccount | null, grant: OAuthGrant): { account: OAuthAccount; mustChooseSite: boolean } {
  const account: OAuthAccount = { ...(grant.account ?? {}) };
  const sites = grant.sites ?? [];
  if (sites.length === 0) return { account, mustChooseSite: false };
  account.sites = sites;
  const kept = sites.find((s) => s.id === previous?.siteId) ?? (sites.length === 1 ? sites[0] : undefined);
  if (kept) {
    account.siteId = kept.id;
    account.apiBaseUrl = kept.apiBaseUrl;
  }
  return { account, mustChooseSite: !kept };
}

/**
 * A grant's columns, encrypted: a new connection (`account` given) or a refresh (account
 * untouched; a null refresh token keeps the one held). Only token columns and the connection
 * status change: mappings, cursors and settings stay (a reconnect keeps them).
 */
export async function grantColumns(integrationId: string, grant: OAuthGrant, options: { account?: OAuthAccount; now?: Date }): Promise<GrantColumns> {
  const now = options.now ?? new Date();
  const values: GrantColumns = {
    authMethod: 'oauth',
    accessToken: await encryptSecret(grant.accessToken, integrationSecret(integrationId, 'access_token')),
    accessTokenHint: secretHint(grant.accessToken),
    tokenExpiresAt: grant.expiresAt,
    tokenRefreshedAt: now,
    grantedScopes: grant.scopes,
    connectionStatus: 'connected',
    connectionError: null,
    updatedAt: now,
  };
  if (grant.refreshToken) {
    values.refreshToken = await encryptSecret(grant.refreshToken, integrationSecret(integrationId, 'refresh_token'));
  } else if (options.account) {
    values.refreshToken = null; // a new grant without a refresh token: the old one belongs to the old grant
  }
  if (options.account) values.oauthAccount = options.account;
  return values;
}

/** Stores a grant (see grantColumns) on the integration row. */
export async function saveGrant(
  db: DbOrTx,
  integrationId: string,
  grant: OAuthGrant,
  options: { account?: OAuthAccount; now?: Date },
): Promise<void> {
  await writeGrant(db, integrationId, await grantColumns(integrationId, grant, options));
}
