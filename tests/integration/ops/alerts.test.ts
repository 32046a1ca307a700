import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { alertChannelPreferences, alerts, integrationWebhooks, notifications, projectIntegrations, syncRuns } from '@/db/schema';
import { activeSenders } from '@/lib/alerts/deliver';
import { evaluateAlerts } from '@/lib/alerts/evaluate';
import { clearAlert, raiseAlert } from '@/lib/alerts/raise';
import { type AlertNotice, type AlertSender } from '@/lib/alerts/senders';
import { createWebhookIntegration } from '../webhooks/fixtures';
import { addMember, createUser } from '../../helpers/factories';
import { startSmtpInbox } from '../../helpers/smtp-inbox';

let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
beforeAll(async () => {
  inbox = await startSmtpInbox();
});
afterAll(() => inbox.stop());

/** The built-in channels against the test's SMTP server, plus a recording stand-in for Slack. */
function channels() {
  const slack: AlertNotice[] = [];
  const slackSender: AlertSender = { name: 'slack', send: async (n) => void slack.push(n) };
  return { senders: [...activeSenders({ SMTP_URL: inbox.url, SMTP_FROM: 'Taskbridge <alerts@example.test>' }), slackSender], slack };
}

const unread = (userId: string) => getDb().select().from(notifications).where(eq(notifications.userId, userId));

describe('alerts', () => {
  it('reconnect needed: one alert per cause per hour on every channel, then a resolved notice', async () => {
    const db = getDb();
    const { integration, user: owner, project } = await createWebhookIntegration('github');
    const member = await createUser('member');
    await addMember(project.id, member.id, 'member');
    const { senders, slack } = channels();
    const before = inbox.received.length;

    await db.update(projectIntegrations).set({ connectionStatus: 'reconnect_needed', connectionError: 'Bad credentials' }).where(eq(projectIntegrations.id, integration.id));
    expect(await evaluateAlerts(db, { integrationId: integration.id, senders })).toEqual({ fired: 1, resolved: 0 });
    // Evaluated again (the cron a minute later, or two evaluators at once): nothing new.
    const again = await Promise.all([1, 2, 3].map(() => evaluateAlerts(db, { integrationId: integration.id, senders })));
    expect(again.map((r) => r.fired)).toEqual([0, 0, 0]);

    const mine = await unread(owner.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.title).toContain('reconnect');
    expect(mine[0]!.body).toContain('Bad credentials');
    expect(await unread(member.id)).toHaveLength(0); // owners only
    expect(slack.map((n) => [n.state, n.cause])).toEqual([['fired', 'reconnect_needed']]);

    const mails = await inbox.waitFor(before + 1);
    const mail = mails.at(-1)!;
    const unfolded = mail.raw.replace(/\r\n[ \t]+/g, ' ');
    expect(mail.to).toEqual([owner.email]);
    expect(mail.from).toBe('alerts@example.test');
    expect(unfolded).toMatch(/Subject: \[Taskbridge\] Alert: The connection needs a new token/);
    expect(unfolded.replace(/=\r\n/g, '')).toContain(`/integrations/project/${project.id}/${integration.id}/health/`);

    await db.update(projectIntegrations).set({ connectionStatus: 'connected', connectionError: null }).where(eq(projectIntegrations.id, integration.id));
    expect(await evaluateAlerts(db, { integrationId: integration.id, senders })).toEqual({ fired: 0, resolved: 1 });
    expect((await unread(owner.id)).map((n) => n.title).sort()).toEqual([
      'Alert: The connection needs a new token (reconnect)',
      'Resolved: The connection works again',
    ]);
    await inbox.waitFor(before + 2);
    expect(inbox.received.at(-1)!.raw.replace(/\r\n[ \t]+/g, ' ')).toMatch(/Subject: \[Taskbridge\] Resolved: The connection works again/);
    expect(slack.map((n) => n.state)).toEqual(['fired', 'resolved']);

    // Flapping within the hour: the hour's row reopens silently, no second alert.
    expect(await raiseAlert(db, integration.id, 'reconnect_needed', 'again', {}, senders)).toBe(false);
    const rows = await db.select().from(alerts).where(and(eq(alerts.integrationId, integration.id), eq(alerts.cause, 'reconnect_needed')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.resolvedAt).toBeNull();
    expect(slack).toHaveLength(2);
  });

  it('owners choose per channel; a failing channel does not stop the others', async () => {
    const db = getDb();
    const { integration, user: owner, project } = await createWebhookIntegration('github');
    await db.insert(alertChannelPreferences).values({ projectId: project.id, userId: owner.id, channel: 'email', enabled: false });
    const broken: AlertSender = { name: 'slack', send: async () => { throw new Error('slack is down'); } };
    const before = inbox.received.length;
    const senders = [...activeSenders({ SMTP_URL: inbox.url }), broken];
    expect(await raiseAlert(db, integration.id, 'breaker_tripped', 'Would close 80 of 100 linked issues.', {}, senders)).toBe(true);
    expect(await unread(owner.id)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.received.length).toBe(before); // email switched off
    expect(await clearAlert(db, integration.id, 'breaker_tripped', senders)).toBe(true);
    expect(await clearAlert(db, integration.id, 'breaker_tripped', senders)).toBe(false);
  });

  it('a sync that failed twice, and a delivery that failed for good', async () => {
    const db = getDb();
    const { integration, providerRowId, user: owner } = await createWebhookIntegration('github');
    const { senders } = channels();
    const run = { integrationId: integration.id, trigger: 'schedule' as const, status: 'error' as const, error: 'GitHub answered 500' };
    await db.insert(syncRuns).values([{ ...run, startedAt: new Date(Date.now() - 60_000) }, run]);
    await db.insert(integrationWebhooks).values({
      integrationId: integration.id, providerId: providerRowId, deliveryId: 'gone-for-good', eventType: 'issues', payload: {}, status: 'failed', attempts: 5,
    });
    expect(await evaluateAlerts(db, { integrationId: integration.id, senders })).toEqual({ fired: 2, resolved: 0 });
    const titles = (await unread(owner.id)).map((n) => n.title).sort();
    expect(titles).toEqual(['Alert: A webhook delivery failed for good', 'Alert: The last two syncs failed']);
    await db.insert(syncRuns).values({ integrationId: integration.id, trigger: 'schedule', status: 'success' });
    expect(await evaluateAlerts(db, { integrationId: integration.id, senders })).toEqual({ fired: 0, resolved: 1 });
  });

  it('a webhook silent while syncs find changes, and a subscription about to expire', async () => {
    const db = getDb();
    const { integration, providerRowId, user: owner } = await createWebhookIntegration('github');
    const { senders } = channels();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    await db.insert(integrationWebhooks).values(
      [30, 29, 28, 27].map((h) => ({ integrationId: integration.id, providerId: providerRowId, deliveryId: `d${h}`, eventType: 'issues', payload: {}, status: 'processed' as const, receivedAt: hoursAgo(h) })),
    );
    // Deliveries came hourly; none for 27 h while a sync imported changes.
    await db.insert(syncRuns).values({ integrationId: integration.id, trigger: 'schedule', status: 'success', updated: 4, finishedAt: hoursAgo(1), startedAt: hoursAgo(1) });
    await db.update(projectIntegrations).set({ subscriptionExpiresAt: new Date(Date.now() + 3600_000) }).where(eq(projectIntegrations.id, integration.id));
    expect(await evaluateAlerts(db, { integrationId: integration.id, senders })).toEqual({ fired: 2, resolved: 0 });
    const titles = (await unread(owner.id)).map((n) => n.title).sort();
    expect(titles[0]).toContain('No webhook delivery for longer than usual');
    expect(titles[1]).toContain('about to expire');
  });
});
