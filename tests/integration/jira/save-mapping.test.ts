import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { getProjectIntegration } from '@/db/queries/integrations';
import { configureIntegration } from '@/lib/actions/configure-integration';
import { saveJiraMapping } from '@/lib/actions/save-jira-mapping';
import { jira } from '@/lib/integrations/jira/core';
import { describeSettings, formToSettings, settingsToForm } from '@/lib/integrations/settings-form';
import { as, ownerCreates, projectWithRoles } from '../integrations/fixtures';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

let t: Awaited<ReturnType<typeof projectWithRoles>>;
beforeAll(async () => {
  t = await projectWithRoles();
});

const mapping = (ref: { projectId: string; integrationId: string }, over: Record<string, unknown> = {}) => ({
  ...ref,
  statusMap: { '10003': 'cancelled' as const, '10001': 'in_progress' as const },
  priorityMap: { '1': 'urgent' as const, '10100': 'high' as const },
  issueType: 'Bug',
  fieldDirections: { labels: 'import' as const, dueDate: 'off' as const },
  importFixVersions: false,
  conflictPolicy: 'external' as const,
  ...over,
});

describe('Jira mapping page action', () => {
  it('the owner saves the mapping into the settings, keeping the connection fields', async () => {
    const ref = await ownerCreates(t.owner, t.project.id, 'jira');
    as(t.owner);
    expect(await saveJiraMapping(mapping(ref))).toEqual({ ok: true, data: { saved: true } });
    const row = await getProjectIntegration(getDb(), ref.projectId, ref.integrationId);
    expect(row!.settings).toMatchObject({
      statusMap: { '10003': 'cancelled', '10001': 'in_progress' }, priorityMap: { '10100': 'high' }, issueType: 'Bug',
      fieldDirections: { labels: 'import', dueDate: 'off' }, conflictPolicy: 'external', importFixVersions: false, allowUnsignedWebhooks: false,
    });
  });

  it('names a bad value; members may not; other providers have no mapping', async () => {
    const ref = await ownerCreates(t.owner, t.project.id, 'jira');
    as(t.owner);
    const bad = await saveJiraMapping(mapping(ref, { statusMap: { '3': 'finished' } }) as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request', fieldErrors: { 'statusMap.3': expect.any(String) } } });
    as(t.member);
    expect(await saveJiraMapping(mapping(ref))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const slack = await ownerCreates(t.owner, t.project.id, 'slack');
    expect(await saveJiraMapping(mapping(slack))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('the configure page and the mapping', () => {
  it('a configure save, built from the form as shown, keeps the mapping and the cloud id it does not show', async () => {
    const ref = await ownerCreates(t.owner, t.project.id, 'jira');
    as(t.owner);
    expect((await saveJiraMapping(mapping(ref))).ok).toBe(true);
    await getDb().execute(sql`update project_integrations set settings = settings || '{"cloudId":"cloud-1"}'::jsonb where id = ${ref.integrationId}`);
    const stored = (await getProjectIntegration(getDb(), ref.projectId, ref.integrationId))!.settings;
    // What the configure form sends: its own fields only (the owner turns on unsigned webhooks).
    const fields = describeSettings(jira.settingsSchema);
    const form = { ...settingsToForm(fields, stored), allowUnsignedWebhooks: true };
    const { settings, fieldErrors } = formToSettings(fields, form);
    expect(fieldErrors).toEqual({});
    expect(settings).not.toHaveProperty('statusMap');
    const input = { ...ref, providerType: 'jira', externalId: 'PROJ', settings, syncEnabled: false, syncIntervalSeconds: 900 };
    const saved = await configureIntegration(input as Parameters<typeof configureIntegration>[0]);
    expect(saved.ok).toBe(true);
    const row = await getProjectIntegration(getDb(), ref.projectId, ref.integrationId);
    expect(row!.settings).toMatchObject({
      statusMap: { '10003': 'cancelled', '10001': 'in_progress' }, priorityMap: { '10100': 'high' }, issueType: 'Bug',
      fieldDirections: { labels: 'import', dueDate: 'off' }, conflictPolicy: 'external', importFixVersions: false,
      cloudId: 'cloud-1', allowUnsignedWebhooks: true,
    });
  });
});
