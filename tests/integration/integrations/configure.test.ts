import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { getProjectIntegration } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { projectIntegrations } from '@/db/schema';
import { configureIntegration } from '@/lib/actions/configure-integration';
import { createIntegration } from '@/lib/actions/create-integration';
import { as, githubInput, projectWithRoles } from './fixtures';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

let t: Awaited<ReturnType<typeof projectWithRoles>>;

async function newIntegration(providerType: 'github' | 'jira' | 'slack' = 'github') {
  as(t.owner);
  const r = await createIntegration({ projectId: t.project.id, providerType });
  if (!r.ok) throw new Error(r.error.message);
  return { projectId: t.project.id, integrationId: r.data.integrationId };
}

beforeAll(async () => {
  t = await projectWithRoles();
});

describe('create', () => {
  it('starts unconfigured with the provider defaults and logs a config entry', async () => {
    const ref = await newIntegration('slack');
    const row = await getProjectIntegration(getDb(), ref.projectId, ref.integrationId);
    expect(row).toMatchObject({ connectionStatus: 'not_configured', externalId: null, accessToken: null });
    expect(row!.settings).toEqual({ notifyOn: ['task_created', 'status_changed', 'assigned', 'completed'], slashCommandEnabled: true });
    const logs = await listIntegrationLogs(getDb(), ref.integrationId);
    expect(logs.map((l) => l.actionType)).toEqual(['config']);
  });

  it('an unknown provider is a field error', async () => {
    as(t.owner);
    const r = await createIntegration({ projectId: t.project.id, providerType: 'gitlab' as 'github' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', fieldErrors: { providerType: expect.any(String) } } });
  });
});

describe('configure: field errors', () => {
  it.each([
    ['a bad repository', { externalId: 'not a repo' }, 'externalId'],
    ['an interval of 59 s', { syncIntervalSeconds: 59 }, 'syncIntervalSeconds'],
    ['a fractional interval', { syncIntervalSeconds: 90.5 }, 'syncIntervalSeconds'],
    ['a bad settings enum', { settings: { conflictPolicy: 'whoever', labelFilter: [] } }, 'settings.conflictPolicy'],
  ])('%s names the field', async (_, over, field) => {
    const ref = await newIntegration();
    const r = await configureIntegration(githubInput(ref, over));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad_request');
    expect(Object.keys(r.error.fieldErrors ?? {})).toEqual([field]);
  });

  it('reports every wrong field at once', async () => {
    const ref = await newIntegration();
    const r = await configureIntegration(githubInput(ref, { externalId: 'x', syncIntervalSeconds: 10 }));
    expect(r.ok ? [] : Object.keys(r.error.fieldErrors ?? {}).sort()).toEqual(['externalId', 'syncIntervalSeconds']);
  });

  it('validates against the integration’s own provider (a Jira key on a Jira integration, not GitHub rules)', async () => {
    const ref = await newIntegration('jira');
    const asGithub = await configureIntegration(githubInput(ref));
    expect(asGithub).toMatchObject({ ok: false, error: { fieldErrors: { providerType: expect.any(String) } } });
    const bad = await configureIntegration({ ...ref, providerType: 'jira', externalId: 'not a key', settings: {}, syncEnabled: false, syncIntervalSeconds: 600 });
    expect(bad).toMatchObject({ ok: false, error: { fieldErrors: { externalId: expect.stringContaining('Jira project key') } } });
    // As people type it: a lower-case key (or an issue key) is the project key.
    const good = await configureIntegration({ ...ref, providerType: 'jira', externalId: 'proj-1', settings: {}, syncEnabled: false, syncIntervalSeconds: 600 });
    expect(good).toMatchObject({ ok: true, data: { externalId: 'PROJ' } });
    const row = await getProjectIntegration(getDb(), ref.projectId, ref.integrationId);
    // statuses not in the map follow their category (To Do → todo, Done → done): the default map is empty
    expect(row!.settings).toMatchObject({ statusMap: {}, issueType: 'Task', conflictPolicy: 'newest', allowUnsignedWebhooks: false });
  });

  it('a second integration on the same repository is a field error on externalId, not a 500', async () => {
    const first = await newIntegration();
    const second = await newIntegration();
    expect((await configureIntegration(githubInput(first, { externalId: 'acme/dup' }))).ok).toBe(true);
    const r = await configureIntegration(githubInput(second, { externalId: 'acme/dup' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { externalId: 'already connected in this project' } } });
  });
});

describe('configure: the access token is write-only', () => {
  const token = 'ghp_PlaintextNeverStored_4321';

  it('is stored encrypted with only its last 4 characters as a hint, and never logged', async () => {
    const ref = await newIntegration();
    const r = await configureIntegration(githubInput(ref, { accessToken: `  ${token} ` }));
    expect(r).toMatchObject({ ok: true, data: { accessTokenHint: '4321' } });
    const raw = await getDb().execute(sql`select * from project_integrations where id = ${ref.integrationId}`);
    expect(JSON.stringify(raw.rows)).not.toContain(token);
    expect(JSON.stringify(raw.rows)).not.toContain('PlaintextNeverStored');
    const row = await getProjectIntegration(getDb(), ref.projectId, ref.integrationId);
    expect(row!.accessToken).toMatch(/^v2\./);
    expect(await (await loadConnection(row!)).accessToken()).toBe(token);
    const logs = await getDb().execute(sql`select * from integration_logs where integration_id = ${ref.integrationId}`);
    expect(JSON.stringify(logs.rows)).not.toContain('PlaintextNeverStored');
  });

  it('an empty token keeps the stored one; "clear" removes it; a new external id resets status and cursor', async () => {
    const ref = await newIntegration();
    expect((await configureIntegration(githubInput(ref, { accessToken: token, externalId: 'octo/second' }))).ok).toBe(true);
    await getDb()
      .update(projectIntegrations)
      .set({ connectionStatus: 'connected', syncCursor: { since: '2026-01-01' } })
      .where(eq(projectIntegrations.id, ref.integrationId));
    await configureIntegration(githubInput(ref, { accessToken: '', externalId: 'octo/second', syncEnabled: false }));
    let row = await getProjectIntegration(getDb(), ref.projectId, ref.integrationId);
    expect(row).toMatchObject({ accessTokenHint: '4321', connectionStatus: 'connected', syncEnabled: false });
    expect(await (await loadConnection(row!)).accessToken()).toBe(token);
    await configureIntegration(githubInput(ref, { externalId: 'octo/other' }));
    row = await getProjectIntegration(getDb(), ref.projectId, ref.integrationId);
    expect(row).toMatchObject({ connectionStatus: 'not_configured', syncCursor: null, externalId: 'octo/other' });
    await configureIntegration(githubInput(ref, { externalId: 'octo/other', clearToken: true, accessToken: 'ignored-when-clearing' }));
    row = await getProjectIntegration(getDb(), ref.projectId, ref.integrationId);
    expect(row).toMatchObject({ accessToken: null, accessTokenHint: null });
  });
});
