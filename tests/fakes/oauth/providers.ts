import { fakeIdToken, type FakeOAuthProvider, type Issued, type TokenFailure } from './fake-oauth';
import { authorizeStep, bearer, clientCredentials, type FakeOAuthHandler, type FakeOAuthRequest, sendJson } from './http';

const failed = (x: Issued | TokenFailure): x is TokenFailure => 'error' in x;

/** Exchange or refresh by grant_type, after checking the client; the provider shapes the answer. */
function grantFor(r: FakeOAuthRequest, provider: FakeOAuthProvider): Issued | TokenFailure {
  const { clientId, secret } = clientCredentials(r);
  if (!r.fake.clientValid(provider, clientId, secret)) return { error: 'invalid_client', description: 'Client authentication failed.' };
  if (r.body.get('grant_type') === 'refresh_token') return r.fake.refresh(provider, { refreshToken: r.body.get('refresh_token'), clientId: clientId! });
  return r.fake.exchange(provider, { code: r.body.get('code'), clientId: clientId!, redirectUri: r.body.get('redirect_uri'), verifier: r.body.get('code_verifier') });
}

/**
 * GitHub: /login/oauth/authorize, /login/oauth/access_token (form or JSON by Accept; errors
 * in a 200 body), DELETE /applications/{client_id}/grant. An OAuth App by default; a GitHub App
 * with expiring user tokens after `setOptions('github', { accessTtlSeconds: 28800, refresh: true })`.
 */
export const githubOAuthHandler: FakeOAuthHandler = (r) => {
  if (r.method === 'GET' && r.path === '/login/oauth/authorize') return authorizeStep(r, 'github', { scopeSeparator: ' ', title: 'GitHub' });
  if (r.method === 'POST' && r.path === '/login/oauth/access_token') {
    const g = grantFor(r, 'github');
    const errors: Record<string, string> = { invalid_client: 'incorrect_client_credentials', invalid_grant: r.body.get('grant_type') === 'refresh_token' ? 'bad_refresh_token' : 'bad_verification_code', invalid_request: 'bad_verification_code' };
    const body: Record<string, string | number> = failed(g)
      ? { error: errors[g.error]!, error_description: g.description, error_uri: 'https://docs.github.com/apps/troubleshooting' }
      : {
          access_token: g.accessToken,
          token_type: 'bearer',
          scope: g.refreshToken || g.expiresIn ? '' : g.scopes.join(','),
          ...(g.expiresIn ? { expires_in: g.expiresIn } : {}),
          ...(g.refreshToken ? { refresh_token: g.refreshToken, refresh_token_expires_in: 15_811_200 } : {}),
        };
    if ((r.req.headers.accept ?? '').includes('json')) sendJson(r.res, 200, body);
    else {
      r.res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' });
      r.res.end(new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString());
    }
    return true;
  }
  const m = /^\/applications\/([^/]+)\/grant$/.exec(r.path);
  if (r.method === 'DELETE' && m) {
    const { clientId, secret } = clientCredentials(r);
    if (clientId !== decodeURIComponent(m[1]!) || !r.fake.clientValid('github', clientId, secret)) return sendJson(r.res, 401, { message: 'Bad credentials' }), true;
    if (!r.fake.revokeToken('github', r.body.get('access_token'))) return sendJson(r.res, 404, { message: 'Not Found' }), true;
    r.res.writeHead(204).end();
    return true;
  }
  return false;
};

/**
 * Slack: /oauth/v2/authorize, /api/oauth.v2.access (`{ok, access_token, token_type:'bot', scope,
 * bot_user_id, app_id, team, authed_user}`; with token rotation also refresh_token + expires_in),
 * /api/auth.revoke. Errors are `{ok:false, error}` with HTTP 200.
 */
export const slackOAuthHandler: FakeOAuthHandler = (r) => {
  if (r.method === 'GET' && r.path === '/oauth/v2/authorize') return authorizeStep(r, 'slack', { scopeSeparator: ',', title: 'Slack' });
  if (r.method === 'POST' && r.path === '/api/oauth.v2.access') {
    const g = grantFor(r, 'slack');
    if (failed(g)) {
      const error = g.error === 'invalid_client' ? 'invalid_client_id' : r.body.get('grant_type') === 'refresh_token' ? 'invalid_refresh_token' : 'invalid_code';
      return sendJson(r.res, 200, { ok: false, error }), true;
    }
    sendJson(r.res, 200, {
      ok: true,
      access_token: g.accessToken,
      token_type: 'bot',
      scope: g.scopes.join(','),
      bot_user_id: 'UBOT0FAKE',
      app_id: 'AFAKEAPP1',
      team: { id: 'TFAKETEAM', name: 'Fake Workspace' },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'UFAKEUSER' },
      ...(g.refreshToken ? { refresh_token: g.refreshToken } : {}),
      ...(g.expiresIn ? { expires_in: g.expiresIn } : {}),
    });
    return true;
  }
  if (r.method === 'POST' && r.path === '/api/auth.revoke') {
    const token = bearer(r);
    if (!r.fake.accessTokenValid('slack', token)) return sendJson(r.res, 200, { ok: false, error: 'invalid_auth' }), true;
    r.fake.revokeToken('slack', token);
    sendJson(r.res, 200, { ok: true, revoked: true });
    return true;
  }
  return false;
};

/** Atlassian: /authorize, /oauth/token (always rotates; a refused refresh is 403 invalid_grant), /oauth/token/accessible-resources. */
export const atlassianOAuthHandler: FakeOAuthHandler = (r) => {
  if (r.method === 'GET' && r.path === '/authorize') return authorizeStep(r, 'atlassian', { scopeSeparator: ' ', title: 'Atlassian' });
  if (r.method === 'POST' && r.path === '/oauth/token') {
    const g = grantFor(r, 'atlassian');
    if (failed(g)) return sendJson(r.res, g.error === 'invalid_client' ? 401 : 403, { error: g.error, error_description: g.description }), true;
    sendJson(r.res, 200, { access_token: g.accessToken, expires_in: g.expiresIn, token_type: 'Bearer', refresh_token: g.refreshToken, scope: g.scopes.join(' ') });
    return true;
  }
  if (r.method === 'GET' && r.path === '/oauth/token/accessible-resources') {
    if (!r.fake.accessTokenValid('atlassian', bearer(r))) return sendJson(r.res, 401, { code: 401, message: 'Unauthorized' }), true;
    const n = r.fake.options.atlassian.sites;
    sendJson(r.res, 200, Array.from({ length: n }, (_, i) => ({
      id: `1324a887-45db-1bf4-1e99-ef0ff456d42${i}`,
      url: `https://fake-site-${i + 1}.atlassian.net`,
      name: `fake-site-${i + 1}`,
      scopes: ['read:jira-work', 'write:jira-work'],
      avatarUrl: 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/site.png',
    })));
    return true;
  }
  return false;
};

/** Google: /o/oauth2/v2/auth, /token (id_token; refresh token on first consent or prompt=consent; never rotates), /revoke. */
export const googleOAuthHandler: FakeOAuthHandler = (r) => {
  if (r.method === 'GET' && r.path === '/o/oauth2/v2/auth') return authorizeStep(r, 'google', { scopeSeparator: ' ', title: 'Google' });
  if (r.method === 'POST' && r.path === '/token') {
    const g = grantFor(r, 'google');
    if (failed(g)) return sendJson(r.res, g.error === 'invalid_client' ? 401 : 400, { error: g.error, error_description: g.error === 'invalid_grant' ? 'Token has been expired or revoked.' : g.description }), true;
    sendJson(r.res, 200, {
      access_token: g.accessToken,
      expires_in: g.expiresIn,
      scope: g.scopes.join(' '),
      token_type: 'Bearer',
      ...(g.refreshToken ? { refresh_token: g.refreshToken } : {}),
      ...(g.scopes.includes('openid') ? { id_token: fakeIdToken({ iss: 'https://accounts.google.com', sub: '110169484474386276334', email: 'owner@fake.example', email_verified: true, aud: clientCredentials(r).clientId }) } : {}),
    });
    return true;
  }
  if (r.method === 'POST' && r.path === '/revoke') {
    if (!r.fake.revokeToken('google', r.body.get('token'))) return sendJson(r.res, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' }), true;
    sendJson(r.res, 200, {});
    return true;
  }
  return false;
};

/** Microsoft identity platform v2.0: /{tenant}/oauth2/v2.0/authorize and /token (rotates; AADSTS codes on errors). */
export const microsoftOAuthHandler: FakeOAuthHandler = (r) => {
  const m = /^\/([^/]+)\/oauth2\/v2\.0\/(authorize|token)$/.exec(r.path);
  if (!m) return false;
  if (m[2] === 'authorize' && r.method === 'GET') return authorizeStep(r, 'microsoft', { scopeSeparator: ' ', title: 'Microsoft' });
  if (m[2] !== 'token' || r.method !== 'POST') return false;
  const g = grantFor(r, 'microsoft');
  if (failed(g)) {
    const code = g.error === 'invalid_grant' ? 70008 : 7000215;
    return sendJson(r.res, g.error === 'invalid_client' ? 401 : 400, { error: g.error, error_description: `AADSTS${code}: ${g.description}`, error_codes: [code], timestamp: new Date().toISOString(), trace_id: 'fake', correlation_id: 'fake' }), true;
  }
  const graph = g.scopes.filter((s) => !['openid', 'profile', 'email', 'offline_access'].includes(s)).map((s) => `https://graph.microsoft.com/${s}`);
  sendJson(r.res, 200, {
    token_type: 'Bearer',
    scope: [...g.scopes.filter((s) => ['openid', 'profile', 'email'].includes(s)), ...graph].join(' '),
    expires_in: g.expiresIn,
    ext_expires_in: g.expiresIn,
    access_token: g.accessToken,
    ...(g.refreshToken ? { refresh_token: g.refreshToken } : {}),
    id_token: fakeIdToken({ iss: `https://login.microsoftonline.com/${m[1]}/v2.0`, oid: '00000000-0000-0000-66f3-3332eca7ea81', tid: '9188040d-6c67-4c5b-b112-36a304b66dad', preferred_username: 'owner@fake.onmicrosoft.com' }),
  });
  return true;
};

/** Where the standalone server mounts each handler; other fakes mount theirs where the real host would serve it. */
export const fakeOAuthMounts: Record<FakeOAuthProvider, FakeOAuthHandler> = {
  github: githubOAuthHandler,
  slack: slackOAuthHandler,
  atlassian: atlassianOAuthHandler,
  google: googleOAuthHandler,
  microsoft: microsoftOAuthHandler,
};
