import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeOAuth, fakeClients, type FakeOAuthProvider, fakeOAuthProviders } from './fake-oauth';
import { type FakeOAuthRequest, parseParams, readBody, sendJson } from './http';
import { fakeOAuthMounts } from './providers';

export { FakeOAuth, fakeClients, fakeOAuthProviders } from './fake-oauth';
export type { FakeOAuthProvider } from './fake-oauth';
export { fakeOAuthMounts } from './providers';

/**
 * Runs a mountable handler: `prefix` is where it is mounted in the calling server. Other fakes
 * (tests/fakes/slack, jira, google, graph) call this from their own request handler, e.g.
 * `if (await handleFakeOAuth(fake, 'slack', req, res, url, '')) return;`.
 */
export async function handleFakeOAuth(
  fake: FakeOAuth,
  provider: FakeOAuthProvider,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  prefix: string,
  rawBody?: string,
): Promise<boolean> {
  if (!url.pathname.startsWith(`${prefix}/`)) return false;
  const raw = rawBody ?? (req.method === 'GET' ? '' : await readBody(req));
  const r: FakeOAuthRequest = {
    req, res, fake, method: req.method ?? 'GET', path: url.pathname.slice(prefix.length), query: url.searchParams,
    body: parseParams(raw, req.headers['content-type']), 
  };
  return fakeOAuthMounts[provider](r);
}

/** The app's env for the standalone server at `url` (endpoint bases, client ids and secrets). */
export function fakeOAuthEnv(url: string): Record<string, string> {
  return {
    GITHUB_OAUTH_URL: `${url}/github`,
    GITHUB_OAUTH_CLIENT_ID: fakeClients.github.clientId,
    GITHUB_OAUTH_CLIENT_SECRET: fakeClients.github.clientSecret,
    SLACK_OAUTH_URL: `${url}/slack`,
    SLACK_API_URL: `${url}/slack/api`,
    SLACK_CLIENT_ID: fakeClients.slack.clientId,
    SLACK_CLIENT_SECRET: fakeClients.slack.clientSecret,
    ATLASSIAN_AUTH_URL: `${url}/atlassian`,
    ATLASSIAN_API_URL: `${url}/atlassian`,
    ATLASSIAN_CLIENT_ID: fakeClients.atlassian.clientId,
    ATLASSIAN_CLIENT_SECRET: fakeClients.atlassian.clientSecret,
    GOOGLE_ACCOUNTS_URL: `${url}/google`,
    GOOGLE_OAUTH2_URL: `${url}/google`,
    GOOGLE_CLIENT_ID: fakeClients.google.clientId,
    GOOGLE_CLIENT_SECRET: fakeClients.google.clientSecret,
    MICROSOFT_LOGIN_URL: `${url}/microsoft`,
    MICROSOFT_CLIENT_ID: fakeClients.microsoft.clientId,
    MICROSOFT_CLIENT_SECRET: fakeClients.microsoft.clientSecret,
  };
}

/**
 * Test controls (POST, JSON body): /_control/revoke {provider?}, /_control/expire {provider?},
 * /_control/options {provider, accessTtlSeconds?, refresh?, rotate?, sites?}, /_control/auto
 * {action: 'approve'|'deny'|null, scopes?}; GET /_control/stats, GET /_control/tokens (every token issued).
 */
async function control(fake: FakeOAuth, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const body = req.method === 'POST' ? (JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>) : {};
  const provider = (fakeOAuthProviders as readonly string[]).includes(String(body.provider)) ? (body.provider as FakeOAuthProvider) : undefined;
  if (path === '/_control/revoke') fake.revokeAll(provider);
  else if (path === '/_control/expire') fake.expireAll(provider);
  else if (path === '/_control/options' && provider) fake.setOptions(provider, body as never);
  else if (path === '/_control/auto') {
    fake.autoAction = (body.action as 'approve' | 'deny' | null) ?? null;
    fake.nextGrantedScopes = Array.isArray(body.scopes) ? (body.scopes as string[]) : null;
  } else if (path === '/_control/tokens') {
    // Every token issued, for the e2e secrets dump to search the database for in plaintext.
    return sendJson(res, 200, { access: [...fake.tokens.keys()], refresh: [...fake.refreshTokens.keys()] });
  } else if (path !== '/_control/stats') return sendJson(res, 404, { error: 'unknown control' });
  sendJson(res, 200, { ok: true, stats: fake.stats });
}

/** Every fake OAuth provider on one port, mounted at /github, /slack, /atlassian, /google, /microsoft. */
export async function startFakeOAuth(opts: { port?: number } = {}) {
  const fake = new FakeOAuth();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    (async () => {
      if (url.pathname.startsWith('/_control/')) return control(fake, req, res, url.pathname);
      const provider = fakeOAuthProviders.find((p) => url.pathname.startsWith(`/${p}/`));
      if (provider && (await handleFakeOAuth(fake, provider, req, res, url, `/${provider}`))) return;
      sendJson(res, 404, { error: 'not_found', path: url.pathname });
    })().catch((err: unknown) => {
      console.error('[fake-oauth]', err);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fake,
    url,
    env: fakeOAuthEnv(url),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
