import { beforeAll, describe, expect, it, vi } from 'vitest';
import { configureIntegration } from '@/lib/actions/configure-integration';
import { createIntegration } from '@/lib/actions/create-integration';
import { deleteIntegration } from '@/lib/actions/delete-integration';
import { requestIntegrationSync } from '@/lib/actions/request-integration-sync';
import { revealWebhookSecret } from '@/lib/actions/reveal-webhook-secret';
import { rotateWebhookSecret } from '@/lib/actions/rotate-webhook-secret';
import { setWebhookSecret } from '@/lib/actions/set-webhook-secret';
import { testIntegrationConnection } from '@/lib/actions/test-integration-connection';
import { as, githubInput, ownerCreates, projectWithRoles } from './fixtures';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

type Roles = Awaited<ReturnType<typeof projectWithRoles>>;
let t: Roles;
let ref: { projectId: string; integrationId: string };

beforeAll(async () => {
  t = await projectWithRoles();
  ref = await ownerCreates(t.owner, t.project.id, 'github');
});

// Every integration action with a valid input; `owner` says whether members are refused.
const actions: Array<{ name: string; ownerOnly: boolean; call: () => Promise<{ ok: boolean; error?: { code: string } }> }> = [
  { name: 'create', ownerOnly: true, call: () => createIntegration({ projectId: ref.projectId, providerType: 'slack' }) },
  { name: 'configure', ownerOnly: true, call: () => configureIntegration(githubInput(ref)) },
  { name: 'test connection', ownerOnly: true, call: () => testIntegrationConnection(ref) },
  { name: 'reveal secret', ownerOnly: true, call: () => revealWebhookSecret(ref) },
  { name: 'rotate secret', ownerOnly: true, call: () => rotateWebhookSecret(ref) },
  { name: 'set secret', ownerOnly: true, call: () => setWebhookSecret({ ...ref, secret: '8f742231b10e8888abcd99yyyzzz85a5' }) },
  { name: 'request sync', ownerOnly: false, call: () => requestIntegrationSync(ref) },
];

describe('integration actions: who may call them', () => {
  it.each(actions)('$name: outsider → not_found, member → forbidden or ok, owner → ok', async ({ ownerOnly, call }) => {
    as(t.outsider);
    expect(await call()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    as(t.member);
    const asMember = await call();
    if (ownerOnly) expect(asMember).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    else expect(asMember.ok).toBe(true);
    as(t.owner);
    expect(await call()).toMatchObject({ ok: true });
  });

  it('delete: outsider → not_found, member → forbidden, owner → ok, then not_found', async () => {
    as(t.owner);
    const created = await createIntegration({ projectId: ref.projectId, providerType: 'jira' });
    if (!created.ok) throw new Error(created.error.message);
    const target = { projectId: ref.projectId, integrationId: created.data.integrationId };
    as(t.outsider);
    expect(await deleteIntegration(target)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    as(t.member);
    expect(await deleteIntegration(target)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    as(t.owner);
    expect(await deleteIntegration(target)).toMatchObject({ ok: true });
    expect(await deleteIntegration(target)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('signed out → unauthorized; an integration of another project → not_found for its id', async () => {
    as(null);
    expect(await revealWebhookSecret(ref)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    as(t.outsider);
    expect(await createIntegration({ projectId: ref.projectId, providerType: 'github' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Naming this project's integration under the outsider's own project id finds nothing.
    const { getDb } = await import('@/db/client');
    const { projectMembers } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    const [own] = await getDb().select().from(projectMembers).where(eq(projectMembers.userId, t.outsider.id));
    expect(await revealWebhookSecret({ projectId: own!.projectId, integrationId: ref.integrationId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('a malformed id is a field error, not a crash', async () => {
    as(t.owner);
    const r = await revealWebhookSecret({ projectId: ref.projectId, integrationId: 'nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', fieldErrors: { integrationId: expect.any(String) } } });
  });
});
