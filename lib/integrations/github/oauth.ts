import type { OAuthCapability } from '../contract/oauth';
import { arcticAuthorizationUrl, arcticExchange, arcticRefresh } from '../oauth/arctic';
import { oauthBase } from '../oauth/config';

const web = () => oauthBase('GITHUB_OAUTH_URL', 'https://github.com');
const api = () => oauthBase('GITHUB_API_URL', 'https://api.github.com');
const scopes = ['repo', 'admin:repo_hook'];

/** A GitHub App user token: no scopes (the app's permissions apply) and, with "expire user tokens", a refresh token. */
const isAppToken = (data: Record<string, unknown>) => data.scope === '' || typeof data.refresh_token === 'string';

/**
 * GitHub: an OAuth App (scopes, tokens that do not expire) or a GitHub App (user tokens of
 * 8 h with a 6-month refresh token, both replaced on use). Errors come in a 200 body
 * (`{"error":"bad_verification_code"}`, `bad_refresh_token`): arctic's generic client returns them
 * as tokens, tokens.ts turns them back into errors.
 */
export const githubOAuth: OAuthCapability = {
  label: 'GitHub',
  clientIdEnv: 'GITHUB_OAUTH_CLIENT_ID',
  clientSecretEnv: 'GITHUB_OAUTH_CLIENT_SECRET',
  scopes,
  requiredScopes: scopes,
  pkce: false,
  rotatesRefreshToken: true,
  pasteSupported: true,
  pasteHelp: 'A personal access token with the repo and admin:repo_hook scopes (or a fine-grained token with Issues and Webhooks access).',
  authorizationUrl: (config, input) => arcticAuthorizationUrl(config, `${web()}/login/oauth/authorize`, input, scopes),
  exchange: async (config, input) => {
    const { grant, data } = await arcticExchange('GitHub', config, `${web()}/login/oauth/access_token`, input, scopes);
    return isAppToken(data) ? { ...grant, scopesNotApplicable: true, account: { kind: 'github_app', scopesNotApplicable: true } } : { ...grant, account: { kind: 'oauth_app' } };
  },
  refresh: async (config, refreshToken) =>
    (await arcticRefresh('GitHub', config, `${web()}/login/oauth/access_token`, refreshToken, scopes)).grant,
  revoke: async (config, grant) => {
    if (!grant.accessToken) return;
    // DELETE /applications/{client_id}/grant revokes the grant and every token of it.
    const res = await fetch(`${api()}/applications/${encodeURIComponent(config.clientId)}/grant`, {
      method: 'DELETE',
      headers: {
        authorization: `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`,
        accept: 'application/vnd.github+json',
        'content-type': 'application/json',
        'x-github-api-version': '2022-11-28',
      },
      body: JSON.stringify({ access_token: grant.accessToken }),
      redirect: 'manual',
    });
    if (res.status !== 204 && res.status !== 404) throw new Error(`GitHub grant revoke answered ${res.status}`);
  },
};
