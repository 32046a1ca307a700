import { OAuth2Tokens } from 'arctic';
import type { OAuthCapability, OAuthClientConfig, OAuthGrant, OAuthSite } from '../contract/oauth';
import { arcticAuthorizationUrl } from '../oauth/arctic';
import { oauthBase } from '../oauth/config';
import { OAuthFlowError, OAuthGrantRevokedError, revokedGrantCodes } from '../oauth/errors';
import { grantFromTokenData, tokenData } from '../oauth/tokens';

const auth = () => oauthBase('ATLASSIAN_AUTH_URL', 'https://auth.atlassian.com');
const api = () => oauthBase('ATLASSIAN_API_URL', 'https://api.atlassian.com');
const scopes = ['read:jira-work', 'write:jira-work', 'read:jira-user', 'manage:jira-webhook', 'offline_access'];

/**
 * POST auth.atlassian.com/oauth/token as arctic's Atlassian class sends it (client id and
 * secret in the form body); that class hard-codes the host, which tests replace. A refresh
 * that Atlassian refuses answers 403 invalid_grant (arctic reads only 400/401 bodies).
 */
async function tokenRequest(kind: 'exchange' | 'refresh', config: OAuthClientConfig, params: Record<string, string>): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(`${auth()}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ ...params, client_id: config.clientId, client_secret: config.clientSecret }),
      redirect: 'manual',
    });
  } catch {
    throw new OAuthFlowError('provider_error', 'unreachable');
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  const code = typeof body?.error === 'string' ? body.error.replace(/[^\w.-]/g, '').slice(0, 60) : null;
  if (kind === 'refresh' && code && revokedGrantCodes.has(code)) throw new OAuthGrantRevokedError('Atlassian', code);
  if (!res.ok || !body) throw new OAuthFlowError('provider_error', code ?? `http_${res.status}`);
  return tokenData(new OAuth2Tokens(body));
}

/** GET accessible-resources: the Jira sites the grant covers, with their API base (api.atlassian.com/ex/jira/{cloudId}). */
async function accessibleSites(accessToken: string): Promise<OAuthSite[]> {
  const res = await fetch(`${api()}/oauth/token/accessible-resources`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    redirect: 'manual',
  }).catch(() => null);
  if (!res?.ok) throw new OAuthFlowError('provider_error', `accessible_resources_${res?.status ?? 'unreachable'}`);
  const list = (await res.json()) as Array<{ id: string; name: string; url: string; scopes?: string[] }>;
  return list
    .filter((r) => typeof r.id === 'string' && /^[\w-]{1,64}$/.test(r.id))
    .map((r) => ({ id: r.id, name: String(r.name ?? r.id), url: String(r.url ?? ''), apiBaseUrl: `${api()}/ex/jira/${r.id}` }));
}

async function withSites(grant: OAuthGrant): Promise<OAuthGrant> {
  const sites = await accessibleSites(grant.accessToken);
  if (sites.length === 0) throw new OAuthFlowError('provider_error', 'no_jira_site');
  return { ...grant, sites };
}

/** Atlassian (Jira Cloud), OAuth 2.0 (3LO): no PKCE; refresh tokens always rotate (access 1 h). */
export const jiraOAuth: OAuthCapability = {
  label: 'Atlassian',
  clientIdEnv: 'ATLASSIAN_CLIENT_ID',
  clientSecretEnv: 'ATLASSIAN_CLIENT_SECRET',
  scopes,
  requiredScopes: ['read:jira-work', 'write:jira-work', 'offline_access'],
  pkce: false,
  rotatesRefreshToken: true,
  pasteSupported: true,
  pasteHelp: 'An Atlassian API token (id.atlassian.com → Security → API tokens) with the account email and your site, https://<site>.atlassian.net.',
  authorizationUrl: (config, input) =>
    arcticAuthorizationUrl(config, `${auth()}/authorize`, input, scopes, { audience: 'api.atlassian.com', prompt: 'consent' }),
  exchange: async (config, input) =>
    withSites(grantFromTokenData(await tokenRequest('exchange', config, { grant_type: 'authorization_code', code: input.code, redirect_uri: config.redirectUri }), scopes)),
  refresh: async (config, refreshToken) =>
    grantFromTokenData(await tokenRequest('refresh', config, { grant_type: 'refresh_token', refresh_token: refreshToken }), scopes),
};
