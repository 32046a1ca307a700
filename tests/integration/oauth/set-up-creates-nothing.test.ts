import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { latestSpentSetUp } from '@/db/queries/oauth-states';
import { getIntegrationById, integrationSecret } from '@/db/queries/integrations';
import { integrationProviders, oauthStates, projectIntegrations } from '@/db/schema';
import { createIntegration } from '@/lib/actions/create-integration';
import { startOAuthConnect } from '@/lib/actions/oauth-connect';
import { decryptSecret } from '@/lib/crypto/secrets';
import { completeOAuth } from '@/lib/integrations/oauth/flow';
import { loadProvider } from '@/lib/integrations/registry';
import { as, projectWithRoles } from '../integrations/fixtures';
import { APP, useFakeOAuth } from './use-fake-oauth';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

// Issue 15: "Choosing a provider opens its set-up. Nothing is created until the owner saves. A
// cancelled choice leaves no half-made card." The picker is a link; these are the set-up page's
// two ways in: "Save" (createIntegration) and "Connect with …" (startOAuthConnect → callback).
const oauth = useFakeOAuth();
let t: Awaited<ReturnType<typeof projectWithRoles>>;

const rowsOf = (projectId: string) => getDb().select().from(projectIntegrations).where(eq(projectIntegrations.projectId, projectId));

/** "Connect with GitHub" on the set-up page, then the fake's answer, then the callback. */
async function connectFromSetUp(fields: Record<string, unknown>, action: 'approve' | 'deny') {
  as(t.owner);
  const started = await startOAuthConnect({ projectId: t.project.id, providerType: 'github', ...fields } as Parameters<typeof startOAuthConnect>[0]);
  if (!started.ok) throw new Error(started.error.message);
  const url = new URL(started.data.url);
  url.searchParams.set('fake_action', action);
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const params = new URL(res.headers.get('location')!).searchParams;
  return { params, rowsBeforeCallback: await rowsOf(t.project.id) };
}
const finish = async (params: URLSearchParams, userId = t.owner.id) =>
  completeOAuth(getDb(), { provider: await loadProvider('github'), params, userId, appUrl: APP });

describe('the set-up page saves', () => {
  it('creates nothing before "Save", exactly one integration with what was entered after it', async () => {
    t = await projectWithRoles();
    expect(await rowsOf(t.project.id)).toHaveLength(0);
    as(t.owner);
    // A wrong external id is refused with its field, and leaves nothing behind.
    const refused = await createIntegration({ projectId: t.project.id, providerType: 'github', externalId: 'not a repo' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request', fieldErrors: { externalId: expect.any(String) } } });
    expect(await rowsOf(t.project.id)).toHaveLength(0);

    const saved = await createIntegration({
      projectId: t.project.id,
      providerType: 'github',
      accessToken: 'ghp_setup0000000000000000000000000000',
      externalId: 'https://github.com/octo/hello-world',
      settings: { conflictPolicy: 'external', labelFilter: [] },
      syncEnabled: true,
      syncIntervalSeconds: 900,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const rows = await rowsOf(t.project.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: saved.data.integrationId, externalId: 'octo/hello-world', syncEnabled: true, syncIntervalSeconds: 900, settings: { conflictPolicy: 'external' }, createdBy: t.owner.id });
    expect(await decryptSecret(rows[0]!.accessToken!, integrationSecret(rows[0]!.id, 'access_token'))).toBe('ghp_setup0000000000000000000000000000');
    expect((await listIntegrationLogs(getDb(), rows[0]!.id)).map((l) => l.description)).toEqual(['GitHub integration created.']);

    // The same repository again: a field message, and still one row.
    const again = await createIntegration({ projectId: t.project.id, providerType: 'github', externalId: 'octo/hello-world' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { externalId: 'already connected in this project' } } });
    expect(await rowsOf(t.project.id)).toHaveLength(1);
  });

  it('members cannot save a set-up', async () => {
    as(t.member);
    expect(await createIntegration({ projectId: t.project.id, providerType: 'slack' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rowsOf(t.project.id)).toHaveLength(1);
  });
});

describe('"Connect with …" on the set-up page', () => {
  it('a denial or a refused state creates nothing and sends the owner back to the set-up page', async () => {
    t = await projectWithRoles();
    const denied = await connectFromSetUp({ externalId: 'octo/denied' }, 'deny');
    expect(denied.rowsBeforeCallback).toHaveLength(0);
    expect(await finish(denied.params)).toEqual({ outcome: 'denied', projectId: t.project.id });
    // The set-up page refills its form from what was entered before connecting; only for its owner.
    const where = { projectId: t.project.id, providerType: 'github', since: new Date(Date.now() - 60_000) };
    expect(await latestSpentSetUp(getDb(), { ...where, userId: t.owner.id })).toMatchObject({ externalId: 'octo/denied' });
    expect(await latestSpentSetUp(getDb(), { ...where, userId: t.member.id })).toBeNull();

    const stolen = await connectFromSetUp({}, 'approve');
    expect(await finish(stolen.params, t.member.id)).toEqual({ outcome: 'wrong_user', projectId: t.project.id });
    expect(await finish(stolen.params)).toEqual({ outcome: 'reused_state', projectId: t.project.id });
    expect(await rowsOf(t.project.id)).toHaveLength(0);
    // The states held the set-up, not an integration.
    const states = await getDb().select().from(oauthStates).where(and(eq(oauthStates.projectId, t.project.id), eq(oauthStates.userId, t.owner.id)));
    expect(states.map((s) => [s.integrationId, s.pendingSetup?.externalId]).sort()).toEqual([[null, null], [null, 'octo/denied']]);
  });

  it('a provider switched off while the owner was at the provider: its own message, the code unspent, nothing created', async () => {
    const { params } = await connectFromSetUp({ externalId: 'octo/switched-off' }, 'approve');
    const exchangesBefore = oauth.current.fake.stats.exchanges;
    // Switched off inside a transaction that is rolled back, so no other test sees GitHub off.
    const rollback = new Error('rollback');
    let result;
    await getDb().transaction(async (tx) => {
      await tx.update(integrationProviders).set({ isActive: false }).where(eq(integrationProviders.providerType, 'github'));
      result = await completeOAuth(tx, { provider: await loadProvider('github'), params, userId: t.owner.id, appUrl: APP });
      throw rollback;
    }).catch((err) => { if (err !== rollback) throw err; });
    expect(result).toEqual({ outcome: 'unavailable', projectId: t.project.id });
    expect(oauth.current.fake.stats.exchanges).toBe(exchangesBefore); // the code was not spent
    expect(await rowsOf(t.project.id)).toHaveLength(0);
  });

  it('a grant creates exactly one integration, with the token and the settings entered before connecting', async () => {
    const { params, rowsBeforeCallback } = await connectFromSetUp(
      { externalId: 'octo/connected', settings: { conflictPolicy: 'taskbridge', labelFilter: ['sync'] }, syncEnabled: true, syncIntervalSeconds: 3600 },
      'approve',
    );
    expect(rowsBeforeCallback).toHaveLength(0);
    const result = await finish(params);
    expect(result).toMatchObject({ outcome: 'connected', projectId: t.project.id, integrationId: expect.any(String) });
    const rows = await rowsOf(t.project.id);
    expect(rows).toHaveLength(1);
    const row = (await getIntegrationById(getDb(), result.integrationId!))!;
    expect(row).toMatchObject({ externalId: 'octo/connected', syncEnabled: true, syncIntervalSeconds: 3600, authMethod: 'oauth', connectionStatus: 'connected', createdBy: t.owner.id });
    expect(row.settings).toMatchObject({ conflictPolicy: 'taskbridge', labelFilter: ['sync'] });
    expect(oauth.current.fake.accessTokenValid('github', await decryptSecret(row.accessToken!, integrationSecret(row.id, 'access_token')))).toBe(true);
    const logs = (await listIntegrationLogs(getDb(), row.id)).map((l) => l.description);
    expect(logs).toEqual(expect.arrayContaining(['GitHub integration created by connecting.', expect.stringMatching(/^Connected with GitHub/)]));
  });

  it('an external id already connected is refused before leaving for the provider', async () => {
    as(t.owner);
    const r = await startOAuthConnect({ projectId: t.project.id, providerType: 'github', externalId: 'octo/connected' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { externalId: expect.any(String) } } });
    expect(await rowsOf(t.project.id)).toHaveLength(1);
  });
});
