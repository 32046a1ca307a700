import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { getProjectIntegration } from '@/db/queries/integrations';
import { revealWebhookSecret as decryptStored } from '@/lib/integrations/connection';
import { externalTaskMappings, integrationLogs, integrationWebhooks, tasks } from '@/db/schema';
import { configureIntegration } from '@/lib/actions/configure-integration';
import { createIntegration } from '@/lib/actions/create-integration';
import { deleteIntegration } from '@/lib/actions/delete-integration';
import { revealWebhookSecret } from '@/lib/actions/reveal-webhook-secret';
import { rotateWebhookSecret } from '@/lib/actions/rotate-webhook-secret';
import { setWebhookSecret } from '@/lib/actions/set-webhook-secret';
import { as, githubInput, ownerCreates, projectWithRoles } from './fixtures';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

let t: Awaited<ReturnType<typeof projectWithRoles>>;
let ref: { projectId: string; integrationId: string };

beforeAll(async () => {
  t = await projectWithRoles();
  ref = await ownerCreates(t.owner, t.project.id, 'github');
});

describe('webhook secret', () => {
  it('is generated per integration and stored encrypted', async () => {
    as(t.owner);
    const other = await createIntegration({ projectId: t.project.id, providerType: 'github' });
    const a = await revealWebhookSecret(ref);
    const b = await revealWebhookSecret({ projectId: t.project.id, integrationId: other.ok ? other.data.integrationId : '' });
    expect(a.ok && b.ok && a.data.secret !== b.data.secret).toBe(true);
    const raw = await getDb().execute(sql`select webhook_secret from project_integrations where id = ${ref.integrationId}`);
    expect(JSON.stringify(raw.rows)).not.toContain(a.ok ? a.data.secret : 'x');
  });

  it('is revealed to the owner only, and the reveal is logged without the value', async () => {
    as(t.member);
    const denied = await revealWebhookSecret(ref);
    expect(denied).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    as(t.owner);
    const shown = await revealWebhookSecret(ref);
    if (!shown.ok) throw new Error(shown.error.message);
    const row = await getProjectIntegration(getDb(), ref.projectId, ref.integrationId);
    expect(shown.data.secret).toBe(await decryptStored(row!));
    expect(shown.data.secret.length).toBeGreaterThanOrEqual(40);
    const logs = await getDb().select().from(integrationLogs).where(eq(integrationLogs.integrationId, ref.integrationId));
    expect(logs.some((l) => l.description.includes('revealed'))).toBe(true);
    expect(JSON.stringify(logs)).not.toContain(shown.data.secret);
  });

  it('rotates to a new value (logged without it); a provider-issued secret can be set', async () => {
    as(t.owner);
    const before = await revealWebhookSecret(ref);
    expect(await rotateWebhookSecret(ref)).toEqual({ ok: true, data: { rotated: true } });
    const after = await revealWebhookSecret(ref);
    expect(before.ok && after.ok && before.data.secret !== after.data.secret).toBe(true);
    const logs = await getDb().select().from(integrationLogs).where(eq(integrationLogs.integrationId, ref.integrationId));
    expect(JSON.stringify(logs)).not.toContain(after.ok ? after.data.secret : 'x');

    const short = await setWebhookSecret({ ...ref, secret: 'short' });
    expect(short).toMatchObject({ ok: false, error: { fieldErrors: { secret: expect.any(String) } } });
    await setWebhookSecret({ ...ref, secret: '8f742231b10e8888abcd99yyyzzz85a5' });
    expect(await revealWebhookSecret(ref)).toEqual({ ok: true, data: { secret: '8f742231b10e8888abcd99yyyzzz85a5', urlToken: null } });
  });
});

describe('delete', () => {
  it('removes the integration with its mappings, deliveries and logs; keeps the tasks and an audit line', async () => {
    as(t.owner);
    const created = await createIntegration({ projectId: t.project.id, providerType: 'github' });
    if (!created.ok) throw new Error(created.error.message);
    const target = { projectId: t.project.id, integrationId: created.data.integrationId };
    await configureIntegration(githubInput(target, { externalId: 'acme/to-delete' }));
    const db = getDb();
    const integration = (await getProjectIntegration(db, target.projectId, target.integrationId))!;
    const [task] = await db.insert(tasks).values({ projectId: t.project.id, title: 'Linked task' }).returning();
    await db.insert(externalTaskMappings).values({ taskId: task!.id, integrationId: integration.id, externalId: '1' });
    await db.insert(integrationWebhooks).values({
      integrationId: integration.id,
      providerId: integration.providerId,
      deliveryId: 'd-1',
      eventType: 'issues',
      payload: { action: 'opened' },
    });
    await logAction(db, { actionType: 'sync', providerId: integration.providerId, integrationId: integration.id, description: 'x' });

    const r = await deleteIntegration(target);
    expect(r).toMatchObject({ ok: true, data: { deleted: true } });
    expect(await getProjectIntegration(db, target.projectId, target.integrationId)).toBeUndefined();
    const count = async (table: typeof externalTaskMappings | typeof integrationWebhooks | typeof integrationLogs) =>
      (await db.select().from(table).where(eq(table.integrationId, integration.id))).length;
    expect(await count(externalTaskMappings)).toBe(0);
    expect(await count(integrationWebhooks)).toBe(0);
    expect(await count(integrationLogs)).toBe(0);
    expect((await db.select().from(tasks).where(eq(tasks.id, task!.id))).length).toBe(1);
    const audit = await db.execute(
      sql`select * from integration_logs where integration_id is null and details->>'deletedIntegrationId' = ${integration.id}`,
    );
    expect(audit.rows).toHaveLength(1);
  });
});
