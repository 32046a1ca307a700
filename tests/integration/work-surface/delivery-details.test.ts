import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createIntegration } from '@/db/queries/integrations';
import { listProviderRows } from '@/db/queries/providers';
import { listWebhookDeliveries } from '@/db/queries/webhook-deliveries';
import { integrationWebhooks } from '@/db/schema';
import { getDeliveryDetails } from '@/lib/actions/get-delivery-details';
import type { SessionUser } from '@/lib/auth/session';
import { addMember, createProject, createUser } from '../../helpers/factories';

const caller = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => caller.current }));
const actAs = (u: SessionUser) => { caller.current = { id: u.id, email: u.email, name: u.name }; };

describe('logs page: a delivery\'s payload loads on demand', () => {
  it('the list carries no payload or headers; a member fetches them, redacted; others get not found', async () => {
    const owner = await createUser('owner');
    const mate = await createUser('mate');
    const stranger = await createUser('stranger');
    const project = await createProject(owner.id);
    await addMember(project.id, mate.id);
    const github = (await listProviderRows(getDb())).find((p) => p.providerType === 'github')!;
    const integration = await createIntegration(getDb(), { projectId: project.id, providerRowId: github.id, createdBy: owner.id, settings: {} });
    const [delivery] = await getDb().insert(integrationWebhooks).values({
      integrationId: integration.id, providerId: github.id, deliveryId: 'd-1', eventType: 'issues',
      payload: { action: 'opened', issue: { number: 7 } }, headers: { 'x-github-event': 'issues', 'x-hub-signature-256': 'sha256=abc' }, status: 'processed',
    }).returning();

    const page = await listWebhookDeliveries(getDb(), integration.id, {});
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).not.toHaveProperty('payload');
    expect(page.rows[0]).not.toHaveProperty('headers');

    const ref = { projectId: project.id, integrationId: integration.id, deliveryId: delivery!.id };
    actAs(mate);
    const r = await getDeliveryDetails(ref);
    if (!r.ok) throw new Error(r.error.message);
    expect(JSON.parse(r.data.payload)).toEqual({ action: 'opened', issue: { number: 7 } });
    expect(JSON.parse(r.data.headers)).toEqual({ 'x-github-event': 'issues', 'x-hub-signature-256': '[redacted]' });
    expect(r.data.status).toBe('processed');

    actAs(stranger);
    expect(await getDeliveryDetails(ref)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    actAs(mate);
    const other = await createProject(mate.id);
    expect(await getDeliveryDetails({ ...ref, projectId: other.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await getDeliveryDetails({ ...ref, deliveryId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
