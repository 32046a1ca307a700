import { vi } from 'vitest';
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { unreadNotificationCount } from '@/db/queries/notifications';
import { alertChannelPreferences } from '@/db/schema';
import { markRead, saveAlertChannels } from '@/lib/actions/notifications';
import { raiseAlert } from '@/lib/alerts/raise';
import { activeSenders } from '@/lib/alerts/deliver';
import { as, projectWithRoles } from '../integrations/fixtures';
import { createWebhookIntegration } from '../webhooks/fixtures';

describe('notification actions', () => {
  it('mark read: one, then all; only my own', async () => {
    const db = getDb();
    const { integration, user: owner } = await createWebhookIntegration('github');
    await raiseAlert(db, integration.id, 'reconnect_needed', 'a', {}, activeSenders({}));
    await raiseAlert(db, integration.id, 'breaker_tripped', 'b', {}, activeSenders({}));
    expect(await unreadNotificationCount(db, owner.id)).toBe(2);
    as(owner);
    const [first] = await db.query.notifications.findMany({ where: (n, { eq: e }) => e(n.userId, owner.id), limit: 1 });
    expect(await markRead({ ids: [first!.id] })).toEqual({ ok: true, data: { marked: 1 } });
    expect(await unreadNotificationCount(db, owner.id)).toBe(1);
    const bad = await markRead({ ids: ['nope'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request', fieldErrors: { 'ids.0': expect.any(String) } } });
    expect(await markRead({})).toEqual({ ok: true, data: { marked: 1 } });
    expect(await unreadNotificationCount(db, owner.id)).toBe(0);
  });

  it('channel choices: owners only, known channels only', async () => {
    const { owner, member, project } = await projectWithRoles();
    as(member);
    expect(await saveAlertChannels({ projectId: project.id, channels: { email: false } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    as(owner);
    expect(await saveAlertChannels({ projectId: project.id, channels: { carrier_pigeon: true } })).toMatchObject({ ok: false, error: { code: 'bad_request', fieldErrors: { channels: expect.any(String) } } });
    expect(await saveAlertChannels({ projectId: project.id, channels: { in_app: false } })).toEqual({ ok: true, data: { saved: true } });
    expect(await saveAlertChannels({ projectId: project.id, channels: { in_app: true } })).toEqual({ ok: true, data: { saved: true } });
    const rows = await getDb().select().from(alertChannelPreferences).where(and(eq(alertChannelPreferences.projectId, project.id), eq(alertChannelPreferences.userId, owner.id)));
    expect(rows.map((r) => [r.channel, r.enabled])).toEqual([['in_app', true]]);
  });
});
