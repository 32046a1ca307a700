import { decodeIdToken } from 'arctic';
import type { OAuthCapability } from '../contract/oauth';
import { arcticAuthorizationUrl, arcticClient, arcticExchange, arcticRefresh } from '../oauth/arctic';
import { oauthBase } from '../oauth/config';

const accounts = () => oauthBase('GOOGLE_ACCOUNTS_URL', 'https://accounts.google.com');
const oauth2 = () => oauthBase('GOOGLE_OAUTH2_URL', 'https://oauth2.googleapis.com');
const calendarEvents = 'https://www.googleapis.com/auth/calendar.events';
const scopes = ['openid', 'email', calendarEvents, 'https://www.googleapis.com/auth/calendar.calendarlist.readonly'];

/** The id_token's subject and email (decoded, not verified: it came straight from the token endpoint over TLS). */
function idTokenAccount(idToken: unknown): Record<string, unknown> {
  if (typeof idToken !== 'string') return {};
  try {
    const claims = decodeIdToken(idToken) as { sub?: string; email?: string };
    return { sub: claims.sub ?? null, email: claims.email ?? null, name: claims.email ?? null };
  } catch {
    return {};
  }
}

/**
 * Google: PKCE S256, `access_type=offline`; `prompt=consent` when no refresh token is held
 * (Google sends one on the first consent only). Refresh tokens do not rotate; users may
 * untick scopes, so the granted `scope` is checked.
 */
export const googleCalendarOAuth: OAuthCapability = {
  label: 'Google',
  clientIdEnv: 'GOOGLE_CLIENT_ID',
  clientSecretEnv: 'GOOGLE_CLIENT_SECRET',
  scopes,
  requiredScopes: [calendarEvents],
  pkce: true,
  rotatesRefreshToken: false,
  pasteSupported: false,
  authorizationUrl: (config, input) =>
    arcticAuthorizationUrl(config, `${accounts()}/o/oauth2/v2/auth`, input, scopes, {
      access_type: 'offline',
      include_granted_scopes: 'true',
      prompt: input.forceConsent ? 'consent' : null,
    }),
  exchange: async (config, input) => {
    const { grant, data } = await arcticExchange('Google', config, `${oauth2()}/token`, input, scopes);
    return { ...grant, account: idTokenAccount(data.id_token) };
  },
  refresh: async (config, refreshToken) => (await arcticRefresh('Google', config, `${oauth2()}/token`, refreshToken, scopes)).grant,
  revoke: async (config, grant) => {
    const token = grant.refreshToken ?? grant.accessToken;
    if (token) await arcticClient(config).revokeToken(`${oauth2()}/revoke`, token);
  },
};
