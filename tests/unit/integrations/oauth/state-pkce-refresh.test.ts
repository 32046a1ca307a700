import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { githubOAuth } from '@/lib/integrations/github/oauth';
import { googleCalendarOAuth } from '@/lib/integrations/google-calendar/oauth';
import { jiraOAuth } from '@/lib/integrations/jira/oauth';
import { missingScopes, oauthClientConfig, oauthRedirectUri, parseScopes } from '@/lib/integrations/oauth/config';
import { oauthOutcomes } from '@/lib/integrations/oauth/errors';
import { oauthOutcomeMessage } from '@/lib/integrations/oauth/messages';
import { needsRefresh, REFRESH_BEFORE_CALL_MS } from '@/lib/integrations/oauth/refresh';
import { hashState, s256Challenge, STATE_TTL_MS } from '@/lib/integrations/oauth/state';
import { accountForGrant } from '@/lib/integrations/oauth/store';
import { outlookCalendarOAuth } from '@/lib/integrations/outlook-calendar/oauth';
import { slackOAuth } from '@/lib/integrations/slack/oauth';

const config = { clientId: 'cid', clientSecret: 'secret', redirectUri: 'https://app.example/integrations/oauth/x/callback' };
const now = new Date('2026-12-02T10:00:00Z');
const grant = (over: Partial<Parameters<typeof needsRefresh>[0]> = {}) => ({
  authMethod: 'oauth' as const,
  refreshToken: 'v2.k.iv.ct',
  tokenExpiresAt: new Date(now.getTime() + 10 * 60_000),
  connectionStatus: 'connected' as const,
  ...over,
});

describe('the refresh decision', () => {
  it('refreshes a token expiring within the window, not one expiring later', () => {
    expect(needsRefresh(grant({ tokenExpiresAt: new Date(now.getTime() + 4 * 60_000) }), now, REFRESH_BEFORE_CALL_MS)).toBe(true);
    expect(needsRefresh(grant({ tokenExpiresAt: new Date(now.getTime() + 5 * 60_000) }), now, REFRESH_BEFORE_CALL_MS)).toBe(true);
    expect(needsRefresh(grant({ tokenExpiresAt: new Date(now.getTime() + 6 * 60_000) }), now, REFRESH_BEFORE_CALL_MS)).toBe(false);
    expect(needsRefresh(grant({ tokenExpiresAt: new Date(now.getTime() - 60_000) }), now, REFRESH_BEFORE_CALL_MS)).toBe(true);
    expect(needsRefresh(grant(), now, 60 * 60_000)).toBe(true); // the scheduled job's hour
  });
  it('never refreshes pasted tokens, tokens that do not expire, grants without a refresh token, or a connection waiting for a reconnect', () => {
    expect(needsRefresh(grant({ authMethod: 'token', tokenExpiresAt: now }), now, REFRESH_BEFORE_CALL_MS)).toBe(false);
    expect(needsRefresh(grant({ tokenExpiresAt: null }), now, REFRESH_BEFORE_CALL_MS)).toBe(false);
    expect(needsRefresh(grant({ refreshToken: null, tokenExpiresAt: now }), now, REFRESH_BEFORE_CALL_MS)).toBe(false);
    expect(needsRefresh(grant({ connectionStatus: 'reconnect_needed', tokenExpiresAt: now }), now, REFRESH_BEFORE_CALL_MS)).toBe(false);
  });
});

describe('state and PKCE', () => {
  it('stores states as SHA-256 only, for 10 minutes', () => {
    expect(hashState('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(STATE_TTL_MS).toBe(600_000);
  });
  it('computes the S256 challenge: base64url(SHA-256(verifier)), no padding', () => {
    const v = 'dBjftJeZ4CVP-mJ92K9ENPBJZHYDuLdTrVrw0IzqXaQ';
    expect(s256Challenge(v)).toBe(createHash('sha256').update(v).digest('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    expect(s256Challenge(v)).toMatch(/^[\w-]{43}$/);
  });
  it('puts the S256 challenge of the verifier on the Google and Microsoft authorize URLs, none on the others', () => {
    const verifier = 'dBjftJeZ4CVP-mJ92K9ENPBJZHYDuLdTrVrw0IzqXaQ';
    for (const cap of [googleCalendarOAuth, outlookCalendarOAuth]) {
      const url = cap.authorizationUrl(config, { state: 'st', codeVerifier: verifier, forceConsent: false });
      expect(url.searchParams.get('code_challenge')).toBe(s256Challenge(verifier));
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('state')).toBe('st');
    }
    for (const cap of [githubOAuth, slackOAuth, jiraOAuth]) {
      expect(cap.pkce).toBe(false);
      expect(cap.authorizationUrl(config, { state: 'st', codeVerifier: null, forceConsent: false }).searchParams.has('code_challenge')).toBe(false);
    }
  });
});

describe('provider authorize URLs', () => {
  it('Google asks offline access, and consent only when no refresh token is held', () => {
    const first = googleCalendarOAuth.authorizationUrl(config, { state: 's', codeVerifier: 'v'.repeat(43), forceConsent: true });
    expect(first.searchParams.get('access_type')).toBe('offline');
    expect(first.searchParams.get('prompt')).toBe('consent');
    expect(googleCalendarOAuth.authorizationUrl(config, { state: 's', codeVerifier: 'v'.repeat(43), forceConsent: false }).searchParams.has('prompt')).toBe(false);
  });
  it('Atlassian sets the audience and consent; Microsoft uses v2.0 with offline_access; Slack asks bot scopes comma-separated', () => {
    const atl = jiraOAuth.authorizationUrl(config, { state: 's', codeVerifier: null, forceConsent: false });
    expect(atl.searchParams.get('audience')).toBe('api.atlassian.com');
    expect(atl.searchParams.get('scope')).toContain('offline_access');
    const ms = outlookCalendarOAuth.authorizationUrl(config, { state: 's', codeVerifier: 'v'.repeat(43), forceConsent: false });
    expect(ms.pathname).toBe('/common/oauth2/v2.0/authorize');
    expect(ms.searchParams.get('scope')?.split(' ')).toContain('offline_access');
    expect(slackOAuth.authorizationUrl(config, { state: 's', codeVerifier: null, forceConsent: false }).searchParams.get('scope')).toBe('chat:write,commands,channels:read,groups:read,users:read,users:read.email');
  });
});

describe('configuration, scopes and messages', () => {
  it('is "not configured" without both env variables; the redirect URL is the callback route', () => {
    expect(oauthClientConfig(githubOAuth, 'github', 'https://a.example', {})).toBeNull();
    expect(oauthClientConfig(githubOAuth, 'github', 'https://a.example', { GITHUB_OAUTH_CLIENT_ID: 'x' })).toBeNull();
    expect(oauthClientConfig(githubOAuth, 'github', 'https://a.example/', { GITHUB_OAUTH_CLIENT_ID: 'x', GITHUB_OAUTH_CLIENT_SECRET: 'y' })).toEqual({
      clientId: 'x', clientSecret: 'y', redirectUri: 'https://a.example/integrations/oauth/github/callback',
    });
    expect(oauthRedirectUri('http://localhost:3000', 'google-calendar')).toBe('http://localhost:3000/integrations/oauth/google-calendar/callback');
  });
  it('reads comma, space and Graph-prefixed scopes, and names the missing ones', () => {
    expect(parseScopes('repo,admin:repo_hook')).toEqual(['repo', 'admin:repo_hook']);
    expect(parseScopes('openid https://graph.microsoft.com/Calendars.ReadWrite')).toEqual(['openid', 'Calendars.ReadWrite']);
    expect(missingScopes(['chat:write', 'commands'], ['chat:write'])).toEqual(['commands']);
    expect(missingScopes(['Calendars.ReadWrite'], ['calendars.readwrite'])).toEqual([]);
  });
  it('gives every outcome its own message, and shows only plain details', () => {
    const texts = oauthOutcomes.map((o) => oauthOutcomeMessage(o, 'GitHub', null).text);
    expect(new Set(texts).size).toBe(oauthOutcomes.length);
    expect(oauthOutcomeMessage('missing_scope', 'Slack', 'commands').text).toContain('commands');
    expect(oauthOutcomeMessage('provider_error', 'Slack', '<script>').text).not.toContain('<script>');
  });
  it('chooses the only site at once, keeps the chosen one on reconnect, and asks when several are new', () => {
    const site = (id: string) => ({ id, name: id, url: `https://${id}.atlassian.net`, apiBaseUrl: `https://api.atlassian.com/ex/jira/${id}` });
    const g = (sites: ReturnType<typeof site>[]) => ({ accessToken: 'a', refreshToken: 'r', expiresAt: null, scopes: [], sites });
    expect(accountForGrant(null, g([site('a')]))).toMatchObject({ mustChooseSite: false, account: { siteId: 'a', apiBaseUrl: 'https://api.atlassian.com/ex/jira/a' } });
    expect(accountForGrant(null, g([site('a'), site('b')])).mustChooseSite).toBe(true);
    expect(accountForGrant({ siteId: 'b' }, g([site('a'), site('b')]))).toMatchObject({ mustChooseSite: false, account: { siteId: 'b' } });
  });
});
