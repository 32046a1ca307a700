import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { getIntegrationById, integrationSecret, listIntegrationsNeedingSync } from '@/db/queries/integrations';
import { externalTaskMappings, projectIntegrations, tasks } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secrets';
import { loadConnection } from '@/lib/integrations/connection';
import { completeOAuth, startOAuth } from '@/lib/integrations/oauth/flow';
import { markReconnectNeeded } from '@/lib/integrations/oauth/reconnect';
import { refreshExpiringTokens, refreshIntegrationToken } from '@/lib/integrations/oauth/refresh';
import type { ProviderType } from '@/lib/integrations/provider-types';
import { loadProvider } from '@/lib/integrations/registry'; // also installs the token source, as in the app
import { ReconnectNeededError } from '@/lib/integrations/kit/errors';
import { startFakeOAuth } from '../../fakes/oauth/server';
import { ownerCreates, projectWithRoles } from '../integrations/fixtures';

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

async function connect(providerId: ProviderType, integrationId?: string) {
  const ref = integrationId ? { projectId: t.project.id, integrationId } : await ownerCreates(t.owner, t.project.id, providerId);
  const provider = await loadProvider(providerId);
  const url = await startOAuth(getDb(), { userId: t.owner.id, integration: (await getIntegrationById(getDb(), ref.integrationId))!, provider, appUrl: APP });
  url.searchParams.set('fake_action', 'approve');
  const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
  const result = await completeOAuth(getDb(), { provider, params: back.searchParams, userId: t.owner.id, appUrl: APP });
  expect(result.outcome).toBe('connected');
  return ref.integrationId;
}
const row = async (id: string) => (await getIntegrationById(getDb(), id))!;
const secrets = async (id: string) => {
  const r = await row(id);
  return {
    access: await decryptSecret(r.accessToken!, integrationSecret(id, 'access_token')),
    refresh: r.refreshToken ? await decryptSecret(r.refreshToken, integrationSecret(id, 'refresh_token')) : null,
  };
};
/** The stored token expires in `ms` (the fake's own expiry does not matter to the app's decision). */
const expireIn = (id: string, ms: number) =>
  getDb().update(projectIntegrations).set({ tokenExpiresAt: new Date(Date.now() + ms) }).where(eq(projectIntegrations.id, id));

describe('rotating refresh tokens', () => {
  it('saves the new pair in the transaction that spends the old refresh token (Atlassian always rotates)', async () => {
    const id = await connect('jira');
    const before = await secrets(id);
    await expireIn(id, 2 * 60_000);
    const r = await refreshIntegrationToken(getDb(), id, { windowMs: 5 * 60_000 });
    expect(r.status).toBe('refreshed');
    const after = await secrets(id);
    expect(after.access).not.toBe(before.access);
    expect(after.refresh).not.toBe(before.refresh);
    // The old refresh token is spent at the provider; the stored one is the live one.
    expect(oauth.fake.refreshTokens.get(before.refresh!)?.spent).toBe(true);
    expect(oauth.fake.refreshTokens.get(after.refresh!)?.spent).toBe(false);
    expect((await row(id)).tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    // The site chosen at connect survives a refresh.
    expect((await row(id)).oauthAccount).toMatchObject({ siteId: expect.any(String) });
  });

  it('two concurrent refreshes spend the refresh token once', async () => {
    const id = await connect('outlook-calendar');
    await expireIn(id, 60_000);
    const spentBefore = oauth.fake.stats.spentRefreshReused;
    const refreshesBefore = oauth.fake.stats.refreshes;
    const [a, b] = await Promise.all([
      refreshIntegrationToken(getDb(), id, { windowMs: 5 * 60_000 }),
      refreshIntegrationToken(getDb(), id, { windowMs: 5 * 60_000 }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fresh', 'refreshed']);
    expect(oauth.fake.stats.refreshes - refreshesBefore).toBe(1);
    expect(oauth.fake.stats.spentRefreshReused).toBe(spentBefore);
    // Both callers got the same live token.
    const live = (await secrets(id)).access;
    expect(a.status !== 'revoked' && a.status !== 'skipped' && a.accessToken).toBe(live);
    expect(b.status !== 'revoked' && b.status !== 'skipped' && b.accessToken).toBe(live);
    expect(oauth.fake.accessTokenValid('microsoft', live)).toBe(true);
  });

  it('accessToken() refreshes a token expiring within 5 minutes, once, and leaves a later one alone', async () => {
    const id = await connect('google-calendar');
    const before = await secrets(id);
    await expireIn(id, 20 * 60_000);
    expect(await (await loadConnection(await row(id))).accessToken()).toBe(before.access);
    await expireIn(id, 4 * 60_000);
    const connection = await loadConnection(await row(id));
    const fresh = await connection.accessToken();
    expect(fresh).not.toBe(before.access);
    const refreshes = oauth.fake.stats.refreshes;
    expect(await connection.accessToken()).toBe(fresh);
    expect(oauth.fake.stats.refreshes).toBe(refreshes);
    // Google does not rotate: the refresh token held is kept.
    expect((await secrets(id)).refresh).toBe(before.refresh);
  });

  it('the scheduled refresh takes tokens expiring within the hour', async () => {
    const id = await connect('outlook-calendar');
    await expireIn(id, 30 * 60_000);
    const before = await secrets(id);
    const counts = await refreshExpiringTokens(getDb());
    expect(counts.refreshed).toBeGreaterThanOrEqual(1);
    expect((await secrets(id)).access).not.toBe(before.access);
  });
});

describe('revocation', () => {
  it('invalid_grant on refresh → reconnect needed, logged, syncs paused, accessToken() throws ReconnectNeededError', async () => {
    const id = await connect('jira');
    await getDb().update(projectIntegrations).set({ syncEnabled: true, lastSyncAt: null }).where(eq(projectIntegrations.id, id));
    oauth.fake.revokeAll('atlassian');
    await expireIn(id, 60_000);
    const connection = await loadConnection(await row(id));
    await expect(connection.accessToken()).rejects.toBeInstanceOf(ReconnectNeededError);
    const r = await row(id);
    expect(r.connectionStatus).toBe('reconnect_needed');
    expect(r.connectionError).toContain('invalid_grant');
    const logs = await listIntegrationLogs(getDb(), id);
    expect(logs.filter((l) => l.description.startsWith('Reconnect needed'))).toHaveLength(1);
    expect((await listIntegrationsNeedingSync(getDb(), ['jira'])).map((x) => x.id)).not.toContain(id);
    // Marking again is a no-op (one log line).
    expect(await markReconnectNeeded(getDb(), id, 'again')).toBe(false);
  });

  it('a reconnect runs the same flow and keeps mappings, cursor and settings', async () => {
    const id = await connect('jira');
    const db = getDb();
    const [task] = await db.insert(tasks).values({ projectId: t.project.id, title: 'Mapped task' }).returning();
    await db.insert(externalTaskMappings).values({ taskId: task!.id, integrationId: id, externalId: '10001', externalKey: 'PROJ-1' });
    await db.update(projectIntegrations).set({ externalId: 'PROJ', syncCursor: { nextPageToken: 'abc' }, settings: { keep: 'me' }, syncEnabled: true }).where(eq(projectIntegrations.id, id));
    await markReconnectNeeded(db, id, 'Atlassian refused to refresh the token (invalid_grant): reconnect needed.');
    expect((await row(id)).connectionStatus).toBe('reconnect_needed');

    await connect('jira', id);
    const r = await row(id);
    expect(r).toMatchObject({ connectionStatus: 'connected', connectionError: null, externalId: 'PROJ', syncCursor: { nextPageToken: 'abc' }, settings: { keep: 'me' }, syncEnabled: true });
    const mappings = await db.select().from(externalTaskMappings).where(eq(externalTaskMappings.integrationId, id));
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({ taskId: task!.id, externalId: '10001' });
    expect(await db.select().from(tasks).where(eq(tasks.title, 'Mapped task'))).toHaveLength(1);
  });
});
