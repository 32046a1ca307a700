import { decodeIdToken } from 'arctic';
import type { OAuthCapability } from '../contract/oauth';
import { arcticAuthorizationUrl, arcticExchange, arcticRefresh } from '../oauth/arctic';
import { oauthBase } from '../oauth/config';

const login = () => `${oauthBase('MICROSOFT_LOGIN_URL', 'https://login.microsoftonline.com')}/${encodeURIComponent(process.env.MICROSOFT_OAUTH_TENANT || 'common')}/oauth2/v2.0`;
const scopes = ['offline_access', 'openid', 'profile', 'email', 'User.Read', 'Calendars.ReadWrite'];

function idTokenAccount(idToken: unknown): Record<string, unknown> {
  if (typeof idToken !== 'string') return {};
  try {
    const c = decodeIdToken(idToken) as { oid?: string; tid?: string; preferred_username?: string; email?: string };
    return { oid: c.oid ?? null, tenantId: c.tid ?? null, name: c.preferred_username ?? c.email ?? null };
  } catch {
    return {};
  }
}

/**
 * Microsoft identity platform v2.0 (tenant `common` unless MICROSOFT_OAUTH_TENANT is set):
 * PKCE S256, `offline_access` for a refresh token, which is replaced on each use. No revoke API
 * for a single grant: a disconnect deletes the tokens.
 */
export const outlookCalendarOAuth: OAuthCapability = {
  label: 'Microsoft',
  clientIdEnv: 'MICROSOFT_CLIENT_ID',
  clientSecretEnv: 'MICROSOFT_CLIENT_SECRET',
  scopes,
  requiredScopes: ['Calendars.ReadWrite'],
  pkce: true,
  rotatesRefreshToken: true,
  pasteSupported: false,
  authorizationUrl: (config, input) =>
    arcticAuthorizationUrl(config, `${login()}/authorize`, input, scopes, { prompt: input.forceConsent ? 'select_account' : null }),
  exchange: async (config, input) => {
    const { grant, data } = await arcticExchange('Microsoft', config, `${login()}/token`, input, scopes);
    return { ...grant, account: idTokenAccount(data.id_token) };
  },
  refresh: async (config, refreshToken) => (await arcticRefresh('Microsoft', config, `${login()}/token`, refreshToken, scopes)).grant,
};
