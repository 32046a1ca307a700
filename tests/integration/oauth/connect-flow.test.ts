import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { getIntegrationById, integrationSecret } from '@/db/queries/integrations';
import { oauthStates, projectIntegrations } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secrets';
import { disconnectIntegration } from '@/lib/actions/oauth-connect';
import { completeOAuth, startOAuth } from '@/lib/integrations/oauth/flow';
import { createOAuthState } from '@/lib/integrations/oauth/state';
import type { ProviderType } from '@/lib/integrations/provider-types';
import { loadProvider } from '@/lib/integrations/registry';
import { startFakeOAuth } from '../../fakes/oauth/server';
import { as, ownerCreates, projectWithRoles } from '../integrations/fixtures';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

const APP = 'http://app.test';
let oauth: Awaited<ReturnType<typeof startFakeOAuth>>;
let t: Awaited<ReturnType<typeof projectWithRoles>>;

beforeAll(async () => {
  oauth = await startFakeOAuth();
  Object.assign(process.env, oauth.env, { APP_URL: APP });
  t = await projectWithRoles();
});
afterAll(() => oauth.stop());
beforeEach(() => {
  oauth.fake.autoAction = null;
  oauth.fake.nextGrantedScopes = null;
});

/** Follows the authorize URL through the fake (approve or deny) and returns the callback's query. */
async function authorize(url: URL, action: 'approve' | 'deny' = 'approve'): Promise<URLSearchParams> {
  url.searchParams.set('fake_action', action);
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  expect(back.origin + back.pathname).toMatch(new RegExp(`^${APP}/integrations/oauth/[\\w-]+/callback$`));
  return back.searchParams;
}

async function begin(providerId: ProviderType, integrationId?: string) {
  const ref = integrationId ? { projectId: t.project.id, integrationId } : await ownerCreates(t.owner, t.project.id, providerId);
  const integration = (await getIntegrationById(getDb(), ref.integrationId))!;
  const provider = await loadProvider(providerId);
  const url = await startOAuth(getDb(), { userId: t.owner.id, integration, provider, appUrl: APP });
  return { ref, provider, url };
}

async function connect(providerId: ProviderType, integrationId?: string) {
  const { ref, provider, url } = await begin(providerId, integrationId);
  const params = await authorize(url);
  const result = await completeOAuth(getDb(), { provider, params, userId: t.owner.id, appUrl: APP });
  return { ref, result, row: (await getIntegrationById(getDb(), ref.integrationId))! };
}

const reveal = (row: { id: string; accessToken: string | null }) => decryptSecret(row.accessToken!, integrationSecret(row.id, 'access_token'));

describe('connecting through the fakes', () => {
  it('GitHub (OAuth App): stores the token encrypted, the granted scopes, and comes back connected', async () => {
    const { result, row } = await connect('github');
    expect(result).toMatchObject({ outcome: 'connected', projectId: t.project.id, integrationId: row.id });
    expect(row).toMatchObject({ authMethod: 'oauth', connectionStatus: 'connected', grantedScopes: ['repo', 'admin:repo_hook'], tokenExpiresAt: null, refreshToken: null });
    expect(row.accessToken).toMatch(/^v2\./);
    expect(oauth.fake.accessTokenValid('github', await reveal(row))).toBe(true);
  });

  it('Slack: installs the bot with oauth.v2.access and keeps the team and bot user', async () => {
    const { result, row } = await connect('slack');
    expect(result.outcome).toBe('connected');
    expect(row.oauthAccount).toMatchObject({ teamId: 'TFAKETEAM', teamName: 'Fake Workspace', botUserId: 'UBOT0FAKE' });
    expect(row.grantedScopes).toContain('chat:write');
    expect(await reveal(row)).toMatch(/^xoxb-/);
  });

  it('Google: PKCE, offline access with a refresh token, the id_token subject', async () => {
    const { result, row } = await connect('google-calendar');
    expect(result.outcome).toBe('connected');
    expect(row.refreshToken).toMatch(/^v2\./);
    expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3000_000);
    expect(row.oauthAccount).toMatchObject({ sub: '110169484474386276334', email: 'owner@fake.example' });
  });

  it('Microsoft: v2.0 with offline_access, Graph scopes read without their resource prefix', async () => {
    const { result, row } = await connect('outlook-calendar');
    expect(result.outcome).toBe('connected');
    expect(row.grantedScopes).toContain('Calendars.ReadWrite');
    expect(row.refreshToken).not.toBeNull();
  });

  it('Atlassian: one site is chosen at once and becomes the API base; several sites ask the owner', async () => {
    const one = await connect('jira');
    expect(one.result.outcome).toBe('connected');
    expect(one.row.oauthAccount).toMatchObject({ siteId: '1324a887-45db-1bf4-1e99-ef0ff456d420', apiBaseUrl: `${oauth.url}/atlassian/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d420` });
    oauth.fake.setOptions('atlassian', { sites: 2 });
    try {
      const two = await connect('jira');
      expect(two.result.outcome).toBe('choose_site');
      expect((two.row.oauthAccount as { sites: unknown[] }).sites).toHaveLength(2);
    } finally {
      oauth.fake.setOptions('atlassian', { sites: 1 });
    }
  });
});

describe('failed attempts store nothing, each with its own outcome', () => {
  const untouched = async (integrationId: string) => {
    const row = (await getIntegrationById(getDb(), integrationId))!;
    expect(row.accessToken).toBeNull();
    expect(row.authMethod).toBe('token');
    expect(row.connectionStatus).toBe('not_configured');
  };

  it('a denial', async () => {
    const { ref, provider, url } = await begin('github');
    const params = await authorize(url, 'deny');
    expect(await completeOAuth(getDb(), { provider, params, userId: t.owner.id, appUrl: APP })).toMatchObject({ outcome: 'denied', integrationId: ref.integrationId });
    await untouched(ref.integrationId);
  });

  it('a reused state, an unknown state, another user, an expired state', async () => {
    const { ref, provider, url } = await begin('github');
    const params = await authorize(url);
    const reusedParams = new URLSearchParams(params);
    // Another user presenting the owner's callback: refused, and the state is spent.
    expect((await completeOAuth(getDb(), { provider, params, userId: t.member.id, appUrl: APP })).outcome).toBe('wrong_user');
    expect((await completeOAuth(getDb(), { provider, params: reusedParams, userId: t.owner.id, appUrl: APP })).outcome).toBe('reused_state');
    const forged = new URLSearchParams({ code: 'x', state: 'not-a-state' });
    expect((await completeOAuth(getDb(), { provider, params: forged, userId: t.owner.id, appUrl: APP })).outcome).toBe('invalid_state');
    expect((await completeOAuth(getDb(), { provider: await loadProvider('slack'), params: new URLSearchParams(params), userId: t.owner.id, appUrl: APP })).outcome).toBe('invalid_state');
    const old = await createOAuthState(getDb(), { userId: t.owner.id, target: { integrationId: ref.integrationId }, providerType: 'github', pkce: false, now: new Date(Date.now() - 11 * 60_000) });
    expect((await completeOAuth(getDb(), { provider, params: new URLSearchParams({ code: 'x', state: old.state }), userId: t.owner.id, appUrl: APP })).outcome).toBe('expired_state');
    await untouched(ref.integrationId);
    const [stored] = await getDb().select().from(oauthStates).where(eq(oauthStates.integrationId, ref.integrationId)).limit(1);
    expect(stored!.stateHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a grant missing a required scope names it', async () => {
    const { ref, provider, url } = await begin('slack');
    oauth.fake.nextGrantedScopes = ['chat:write', 'channels:read'];
    const result = await completeOAuth(getDb(), { provider, params: await authorize(url), userId: t.owner.id, appUrl: APP });
    expect(result).toMatchObject({ outcome: 'missing_scope', detail: 'commands' });
    await untouched(ref.integrationId);
  });

  it('a provider error (GitHub sends it in a 200 body)', async () => {
    const { ref, provider, url } = await begin('github');
    const params = await authorize(url);
    params.set('code', 'forged-code');
    expect(await completeOAuth(getDb(), { provider, params, userId: t.owner.id, appUrl: APP })).toMatchObject({ outcome: 'provider_error', detail: 'bad_verification_code' });
    await untouched(ref.integrationId);
  });
});

describe('disconnect', () => {
  it('revokes the grant at the provider, then deletes the tokens', async () => {
    const { ref, row } = await connect('google-calendar');
    const token = await reveal(row);
    as(t.owner);
    const r = await disconnectIntegration(ref);
    expect(r).toMatchObject({ ok: true, data: { revoked: true } });
    expect(oauth.fake.accessTokenValid('google', token)).toBe(false);
    const after = (await getIntegrationById(getDb(), ref.integrationId))!;
    expect(after).toMatchObject({ accessToken: null, refreshToken: null, authMethod: 'token', connectionStatus: 'not_configured' });
  });

  it('a failed revoke is logged and does not block', async () => {
    const { ref } = await connect('slack');
    const api = process.env.SLACK_API_URL;
    process.env.SLACK_API_URL = 'http://127.0.0.1:9/api'; // nothing listens: auth.revoke fails
    try {
      as(t.owner);
      expect(await disconnectIntegration(ref)).toMatchObject({ ok: true, data: { revoked: false } });
    } finally {
      process.env.SLACK_API_URL = api;
    }
    expect((await getIntegrationById(getDb(), ref.integrationId))!.accessToken).toBeNull();
    const logs = await listIntegrationLogs(getDb(), ref.integrationId);
    expect(logs.find((l) => l.description.startsWith('Could not revoke'))?.status).toBe('warning');
    expect(logs.some((l) => l.description.startsWith('Disconnected'))).toBe(true);
  });

  it('members cannot start a connect or disconnect', async () => {
    const { startOAuthConnect } = await import('@/lib/actions/oauth-connect');
    as(t.member);
    const r = await startOAuthConnect({ projectId: t.project.id, providerType: 'github' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
