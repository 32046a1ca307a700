import type { OAuthCapability, OAuthClientConfig, OAuthGrant } from '../contract/oauth';
import { oauthBase } from '../oauth/config';
import { OAuthFlowError, OAuthGrantRevokedError, revokedGrantCodes } from '../oauth/errors';
import { grantFromTokenData } from '../oauth/tokens';

const web = () => oauthBase('SLACK_OAUTH_URL', 'https://slack.com');
const api = () => oauthBase('SLACK_API_URL', 'https://slack.com/api');
const scopes = ['chat:write', 'commands', 'channels:read', 'groups:read', 'users:read', 'users:read.email'];

type SlackAccess = {
  ok: boolean;
  error?: string;
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  bot_user_id?: string;
  app_id?: string;
  team?: { id: string; name: string } | null;
  enterprise?: { id: string; name: string } | null;
  authed_user?: { id: string };
};

/** POST oauth.v2.access: arctic's Slack class is Sign in with Slack only, it cannot install a bot. */
async function oauthV2Access(kind: 'exchange' | 'refresh', config: OAuthClientConfig, params: Record<string, string>): Promise<SlackAccess> {
  let body: SlackAccess;
  try {
    const res = await fetch(`${api()}/oauth.v2.access`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams(params),
      redirect: 'manual',
    });
    if (!res.ok) throw new OAuthFlowError('provider_error', `http_${res.status}`);
    body = (await res.json()) as SlackAccess;
  } catch (err) {
    if (err instanceof OAuthFlowError) throw err;
    throw new OAuthFlowError('provider_error', 'unreachable');
  }
  if (!body.ok) {
    const code = String(body.error ?? 'unknown_error').replace(/[^\w.-]/g, '').slice(0, 60);
    if (kind === 'refresh' && revokedGrantCodes.has(code)) throw new OAuthGrantRevokedError('Slack', code);
    throw new OAuthFlowError('provider_error', code);
  }
  return body;
}

function slackGrant(body: SlackAccess): OAuthGrant {
  const grant = grantFromTokenData(body as unknown as Record<string, unknown>, scopes);
  return {
    ...grant,
    account: {
      teamId: body.team?.id ?? null,
      teamName: body.team?.name ?? null,
      botUserId: body.bot_user_id ?? null,
      appId: body.app_id ?? null,
      installedBy: body.authed_user?.id ?? null,
      name: body.team?.name ?? null,
    },
  };
}

/**
 * Slack: installs the bot (bot scopes, `oauth.v2.access`). Tokens do not expire unless the app
 * turned token rotation on (12 h, each refresh returns a new refresh token).
 */
export const slackOAuth: OAuthCapability = {
  label: 'Slack',
  clientIdEnv: 'SLACK_CLIENT_ID',
  clientSecretEnv: 'SLACK_CLIENT_SECRET',
  scopes,
  requiredScopes: ['chat:write', 'commands', 'channels:read'],
  pkce: false,
  rotatesRefreshToken: true,
  pasteSupported: true,
  pasteHelp: 'The app\'s Bot User OAuth Token (xoxb-…), from OAuth & Permissions after installing it to your workspace.',
  authorizationUrl: (config, input) => {
    const url = new URL(`${web()}/oauth/v2/authorize`);
    url.searchParams.set('client_id', config.clientId);
    url.searchParams.set('scope', scopes.join(','));
    url.searchParams.set('redirect_uri', config.redirectUri);
    url.searchParams.set('state', input.state);
    return url;
  },
  exchange: async (config, input) =>
    slackGrant(await oauthV2Access('exchange', config, { code: input.code, redirect_uri: config.redirectUri })),
  refresh: async (config, refreshToken) => {
    const grant = slackGrant(await oauthV2Access('refresh', config, { grant_type: 'refresh_token', refresh_token: refreshToken }));
    return { ...grant, account: undefined };
  },
  revoke: async (_config, grant) => {
    if (!grant.accessToken) return;
    const res = await fetch(`${api()}/auth.revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${grant.accessToken}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string };
    if (!body.ok && body.error !== 'invalid_auth' && body.error !== 'token_revoked') throw new Error(`Slack auth.revoke: ${body.error ?? res.status}`);
  },
};
