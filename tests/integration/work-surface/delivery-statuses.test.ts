import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { getDeliveryStatuses } from '@/lib/actions/get-delivery-statuses';
import { replayWebhookDelivery } from '@/lib/actions/replay-webhook-delivery';
import type { SessionUser } from '@/lib/auth/session';
import { integrationWebhooks } from '@/db/schema';
import { addMember, createUser } from '../../helpers/factories';
import { createWebhookIntegration, swapProcessor } from '../webhooks/fixtures';

const caller = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => caller.current }));
const actAs = (u: SessionUser) => { caller.current = { id: u.id, email: u.email, name: u.name }; };

/** One stored GitHub delivery of a new integration, in `status`. */
async function deliveryIn(status: 'processed' | 'failed' | 'pending') {
  const hook = await createWebhookIntegration('github');
  const [row] = await getDb().insert(integrationWebhooks).values({
    integrationId: hook.integration.id, providerId: hook.providerRowId, deliveryId: `d-${crypto.randomUUID()}`, eventType: 'issues',
    payload: { action: 'opened' }, headers: {}, status, attempts: 1, error: status === 'failed' ? 'GitHub answered 502' : null,
  }).returning();
  return { ...hook, ref: { projectId: hook.project.id, integrationId: hook.integration.id }, deliveryId: row!.id };
}

/** Polls the status query, as the logs page does, until the delivery is no longer pending/processing. */
async function waitForFinalStatus(ref: { projectId: string; integrationId: string }, deliveryId: string, seen: string[], timeoutMs = 10_000) {
  const started = Date.now();
  for (;;) {
    const r = await getDeliveryStatuses({ ...ref, deliveryIds: [deliveryId] });
    if (!r.ok) throw new Error(r.error.message);
    const status = r.data[0]!.status;
    if (seen.at(-1) !== status) seen.push(status);
    if (status !== 'pending' && status !== 'processing') return status;
    if (Date.now() - started > timeoutMs) throw new Error(`still ${status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('logs page: statuses of unfinished deliveries, polled until final', () => {
  it('a replay that finishes after the action returned is seen going pending/processing → processed', async () => {
    const { user, ref, deliveryId } = await deliveryIn('failed');
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    restore = swapProcessor('github', async () => { await gate; return { handled: true }; });
    actAs(user);

    const replay = await replayWebhookDelivery({ ...ref, deliveryId });
    expect(replay).toEqual({ ok: true, data: { queued: 1 } });
    const seen: string[] = [];
    const first = await getDeliveryStatuses({ ...ref, deliveryIds: [deliveryId] });
    expect(first.ok && first.data[0]!.status).toMatch(/^(pending|processing)$/); // the handler is still held
    setTimeout(release, 300);
    expect(await waitForFinalStatus(ref, deliveryId, seen)).toBe('processed');
    expect(seen.at(-1)).toBe('processed');
  });

  it('members only; ids of another integration are not answered; bad input is a 400-style field message', async () => {
    const a = await deliveryIn('processed');
    const b = await deliveryIn('pending');
    const mate = await createUser('mate');
    const stranger = await createUser('stranger');
    await addMember(a.project.id, mate.id);

    actAs(mate);
    const mine = await getDeliveryStatuses({ ...a.ref, deliveryIds: [a.deliveryId, b.deliveryId] });
    expect(mine).toEqual({ ok: true, data: [{ id: a.deliveryId, status: 'processed' }] });

    actAs(stranger);
    expect(await getDeliveryStatuses({ ...a.ref, deliveryIds: [a.deliveryId] })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    actAs(mate);
    expect(await getDeliveryStatuses({ ...a.ref, integrationId: b.integration.id, deliveryIds: [b.deliveryId] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const deliveryIds of [[], ['not-a-uuid'], Array.from({ length: 51 }, () => crypto.randomUUID())]) {
      const bad = await getDeliveryStatuses({ ...a.ref, deliveryIds });
      expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      if (!bad.ok) expect(bad.error.message).toMatch(/^deliveryIds/);
    }
  });
});
