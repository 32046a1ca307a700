import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getIntegrationById } from '@/db/queries/integrations';
import { createMilestone } from '@/db/queries/milestones';
import { createTask, getTask, updateTask } from '@/db/queries/tasks';
import { calendarEventLinks, calendarProposals, integrationWebhooks } from '@/db/schema';
import { calendarTarget } from '@/lib/changes/targets/calendar';
import { calendarInbound } from '@/lib/calendar/inbound';
import { acceptProposal } from '@/lib/calendar/proposals';
import { pullCalendar } from '@/lib/calendar/pull-calendar';
import { renewDueSubscriptions } from '@/lib/sync/renew-subscriptions';
import { ensureSubscription } from '@/lib/sync/subscriptions';
import { startFakeGraph } from '../../fakes/graph/server';
import { calendarIntegration, localChange, useFake } from './fixtures';
import { startWebhookRelay } from './webhook-relay';

let fake: Awaited<ReturnType<typeof startFakeGraph>>;
let relay: Awaited<ReturnType<typeof startWebhookRelay>>;
const TOKEN = 'eyJ0eXAi.fake-graph-token';
const today = new Date().toISOString().slice(0, 10);
const plusDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  process.env.CALENDAR_RETRY_BASE_MS = '5';
  fake = await startFakeGraph();
  fake.addToken(TOKEN);
  relay = await startWebhookRelay();
  process.env.APP_URL = relay.origin;
  await useFake('outlook-calendar', fake.apiBaseUrl);
});
afterAll(async () => {
  await fake.stop();
  await relay.stop();
});

const task = (projectId: string, dueDate = plusDays(10)) =>
  createTask(getDb(), projectId, { title: 'Write the report', description: '', status: 'todo', priority: 'medium', labels: [], assigneeIds: [], dueDate, milestoneId: null, createdBy: null });
const ours = (key: string) => fake.liveEvents().filter((e) => fake.keyOf(e) === key);

describe('Outlook (Graph): deadlines out', () => {
  it('a milestone creates one all-day event; retries and a lost link create no second one', async () => {
    const { project } = await calendarIntegration('outlook-calendar', { token: TOKEN, externalId: 'primary' });
    const m = await createMilestone(getDb(), project.id, { title: 'Launch', description: '', dueDate: plusDays(20) });
    const change = localChange('milestone.created', project.id, { milestoneId: m.id });
    await calendarTarget.run(getDb(), change);
    await calendarTarget.run(getDb(), change);
    await getDb().delete(calendarEventLinks).where(eq(calendarEventLinks.itemKey, `milestone:${m.id}`));
    await calendarTarget.run(getDb(), change);
    const events = ours(`milestone:${m.id}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ isAllDay: true, start: { dateTime: `${plusDays(20)}T00:00:00`, timeZone: 'UTC' }, end: { dateTime: `${plusDays(21)}T00:00:00` } });
    expect(events[0]!.transactionId).toMatch(new RegExp(`^milestone:${m.id}:`));
  });

  it('a due-date edit moves the event; deleting removes it', async () => {
    const { project } = await calendarIntegration('outlook-calendar', { token: TOKEN, externalId: 'primary', settings: { deadlineTime: '09:30' }, timeZone: 'Europe/Berlin' });
    const t = await task(project.id);
    await calendarTarget.run(getDb(), localChange('task.created', project.id, { taskId: t.id }));
    expect(ours(`task:${t.id}`)[0]!.start).toEqual({ dateTime: `${plusDays(10)}T09:30:00`, timeZone: 'Europe/Berlin' });
    await updateTask(getDb(), project.id, t.id, { dueDate: plusDays(11) });
    await calendarTarget.run(getDb(), localChange('task.updated', project.id, { taskId: t.id }, ['dueDate']));
    expect(ours(`task:${t.id}`)[0]!.start.dateTime).toBe(`${plusDays(11)}T09:30:00`);
    await updateTask(getDb(), project.id, t.id, { dueDate: null });
    await calendarTarget.run(getDb(), localChange('task.updated', project.id, { taskId: t.id }, ['dueDate']));
    expect(ours(`task:${t.id}`)).toHaveLength(0);
  });

  it('429 is retried after Retry-After; at most 4 requests in flight per mailbox', async () => {
    const { project } = await calendarIntegration('outlook-calendar', { token: TOKEN, externalId: 'primary' });
    fake.failNext({ status: 429, retryAfter: 0 });
    const ts = await Promise.all(Array.from({ length: 8 }, () => task(project.id)));
    fake.latencyMs = 30;
    fake.peakInFlight = 0;
    await Promise.all(ts.map((t) => calendarTarget.run(getDb(), localChange('task.created', project.id, { taskId: t.id }))));
    fake.latencyMs = 0;
    expect(fake.requests.some((r) => r.status === 429)).toBe(true);
    expect(fake.peakInFlight).toBeLessThanOrEqual(4);
    for (const t of ts) expect(ours(`task:${t.id}`)).toHaveLength(1);
  });
});

describe('Outlook (Graph): subscriptions and changes back', () => {
  it('subscribes through the real validation handshake; a failed handshake is refused', async () => {
    const { integration, secret } = await calendarIntegration('outlook-calendar', { token: TOKEN, externalId: 'primary' });
    const s = await ensureSubscription(getDb(), integration, { origin: relay.origin });
    expect(fake.subscriptions.get(s!.id)!.clientState).toBe(secret);
    expect(s!.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 10_080 * 60_000);
    const other = await calendarIntegration('outlook-calendar', { token: TOKEN, externalId: 'primary' });
    await expect(ensureSubscription(getDb(), other.integration, { origin: `${relay.origin}/nowhere` })).rejects.toThrow(/400/);
  });

  it('a subscription near expiry is renewed with a PATCH', async () => {
    const { integration } = await calendarIntegration('outlook-calendar', { token: TOKEN, externalId: 'primary' });
    const s = await ensureSubscription(getDb(), integration, { origin: relay.origin });
    fake.subscriptions.get(s!.id)!.expirationDateTime = new Date(Date.now() + 3600_000).toISOString();
    await getDb().update((await import('@/db/schema')).projectIntegrations).set({ subscriptionExpiresAt: new Date(Date.now() + 3600_000) }).where(eq((await import('@/db/schema')).projectIntegrations.id, integration.id));
    const { renewed } = await renewDueSubscriptions(getDb(), new Date(), relay.origin);
    expect(renewed).toContain(integration.id);
    const after = (await getIntegrationById(getDb(), integration.id))!;
    expect(after.subscriptionId).toBe(s!.id);
    expect(after.subscriptionExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(fake.requests.some((r) => r.method === 'PATCH' && r.path === `/v1.0/subscriptions/${s!.id}`)).toBe(true);
  });

  it('an event moved in Outlook → notification → proposal; accepting updates the task', async () => {
    const { project, user, integration } = await calendarIntegration('outlook-calendar', { token: TOKEN, externalId: 'primary' });
    const t = await task(project.id);
    await calendarTarget.run(getDb(), localChange('task.created', project.id, { taskId: t.id }));
    await pullCalendar(getDb(), integration);
    await ensureSubscription(getDb(), integration, { origin: relay.origin });
    const id = ours(`task:${t.id}`)[0]!.id;
    fake.moveEvent(id, { dateTime: `${plusDays(12)}T00:00:00`, timeZone: 'UTC' }, { dateTime: `${plusDays(13)}T00:00:00`, timeZone: 'UTC' });
    // The notification reaches our route (clientState checked) and is stored; processing pulls the delta.
    await expect.poll(async () => (await getDb().select().from(integrationWebhooks).where(eq(integrationWebhooks.integrationId, integration.id))).length).toBeGreaterThan(0);
    const [delivery] = await getDb().select().from(integrationWebhooks).where(eq(integrationWebhooks.integrationId, integration.id));
    await calendarInbound.process({ db: getDb(), integration, loadConnection: async () => { throw new Error('unused'); } }, { ...delivery!, eventAction: null });
    await expect.poll(async () => (await getDb().select().from(calendarProposals).where(eq(calendarProposals.integrationId, integration.id))).length).toBe(1);
    const [p] = await getDb().select().from(calendarProposals).where(eq(calendarProposals.integrationId, integration.id));
    expect(p).toMatchObject({ fromDate: plusDays(10), toDate: plusDays(12), status: 'open' });
    await acceptProposal(getDb(), project.id, p!.id, user.id);
    expect((await getTask(getDb(), project.id, t.id))!.dueDate).toBe(plusDays(12));

    // Moved out of the calendarView window: delta says "@removed", but the event still exists → a move, not a deletion.
    fake.moveEvent(id, { dateTime: '2099-06-01T00:00:00', timeZone: 'UTC' }, { dateTime: '2099-06-02T00:00:00', timeZone: 'UTC' });
    const pulled = await pullCalendar(getDb(), integration);
    expect(pulled.outcomes.recreated ?? 0).toBe(0);
    const open = await getDb().select().from(calendarProposals).where(eq(calendarProposals.integrationId, integration.id));
    expect(open.find((x) => x.status === 'open')).toMatchObject({ toDate: '2099-06-01' });
  });

  it('subscriptionRemoved → a new subscription; an expired deltaLink → a full read of the window applying deletions', async () => {
    const { project, integration } = await calendarIntegration('outlook-calendar', { token: TOKEN, externalId: 'primary' });
    const inWindow = await task(project.id, plusDays(5));
    const outside = await task(project.id, '2099-01-01');
    for (const t of [inWindow, outside]) await calendarTarget.run(getDb(), localChange('task.created', project.id, { taskId: t.id }));
    await pullCalendar(getDb(), integration);
    const s = await ensureSubscription(getDb(), integration, { origin: relay.origin });

    const inbound = (eventType: string) =>
      calendarInbound.process({ db: getDb(), integration, loadConnection: async () => { throw new Error('unused'); } }, { id: crypto.randomUUID(), deliveryId: `x:${eventType}`, eventType, eventAction: null, payload: {}, receivedAt: new Date(), attempts: 1 });
    const patches = () => fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/v1.0/subscriptions/${s!.id}`).length;
    await inbound('reauthorizationRequired');
    expect(patches()).toBe(1); // reauthorized: renewed with the current token
    fake.subscriptions.get(s!.id)!.removed = true;
    await inbound('subscriptionRemoved');
    const after = (await getIntegrationById(getDb(), integration.id))!;
    expect(after.subscriptionId).not.toBe(s!.id);
    expect(fake.subscriptions.get(after.subscriptionId!)).toBeTruthy();

    // Deleted in Outlook while the delta token expired (and the deletion is gone from history).
    const victim = ours(`task:${inWindow.id}`)[0]!;
    fake.events.delete(victim.id);
    fake.expireDeltaTokens();
    const pulled = await pullCalendar(getDb(), after);
    expect(fake.requests.some((r) => r.status === 410)).toBe(true);
    expect(pulled.resynced).toBe(true);
    expect(pulled.outcomes.recreated).toBe(1); // recreated (the default); the one outside the window is left alone
    expect(ours(`task:${inWindow.id}`)).toHaveLength(1);
    expect(ours(`task:${outside.id}`)).toHaveLength(1);
    expect(today).toBeTruthy();
  });
});
