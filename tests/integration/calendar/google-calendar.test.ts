import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getIntegrationById } from '@/db/queries/integrations';
import { createMilestone, updateMilestone } from '@/db/queries/milestones';
import { createTask, getTask, updateTask } from '@/db/queries/tasks';
import { calendarEventLinks, calendarProposals, tasks, taskSyncEvents } from '@/db/schema';
import { calendarTarget } from '@/lib/changes/targets/calendar';
import { googleEventId } from '@/lib/calendar/event-ids';
import { acceptProposal } from '@/lib/calendar/proposals';
import { activateCalendar } from '@/lib/calendar/activate-calendar';
import { pullCalendar } from '@/lib/calendar/pull-calendar';
import { renewDueSubscriptions } from '@/lib/sync/renew-subscriptions';
import { ensureSubscription } from '@/lib/sync/subscriptions';
import { startFakeGoogleCalendar } from '../../fakes/google-calendar/server';
import { calendarIntegration, localChange, useFake } from './fixtures';

let fake: Awaited<ReturnType<typeof startFakeGoogleCalendar>>;
const TOKEN = 'ya29.fake-google-token';
const CAL = 'team@group.calendar.google.com';

beforeAll(async () => {
  process.env.CALENDAR_RETRY_BASE_MS = '5';
  fake = await startFakeGoogleCalendar();
  fake.addToken(TOKEN);
  fake.deliverPushes = false;
  fake.addCalendar({ id: CAL, summary: 'Team' });
  await useFake('google-calendar', fake.apiBaseUrl);
});
afterAll(() => fake.stop());

const task = (projectId: string, over: Partial<Parameters<typeof createTask>[2]> = {}) =>
  createTask(getDb(), projectId, { title: 'Ship the beta', description: '', status: 'todo', priority: 'medium', labels: [], assigneeIds: [], dueDate: '2026-03-10', milestoneId: null, createdBy: null, ...over });

describe('Google Calendar: deadlines out', () => {
  it('a milestone creates one event; retries (and a lost link) create no second one', async () => {
    const { project } = await calendarIntegration('google-calendar', { token: TOKEN, externalId: CAL });
    const m = await createMilestone(getDb(), project.id, { title: 'Beta', description: '', dueDate: '2026-03-20' });
    const change = localChange('milestone.created', project.id, { milestoneId: m.id });
    await calendarTarget.run(getDb(), change);
    await calendarTarget.run(getDb(), change);
    // The answer was lost: no link row, the insert is retried with the same id → 409 → patched.
    await getDb().delete(calendarEventLinks).where(eq(calendarEventLinks.itemKey, `milestone:${m.id}`));
    await calendarTarget.run(getDb(), change);
    const events = fake.liveEvents(CAL).filter((e) => e.extendedProperties?.private?.taskbridgeKey === `milestone:${m.id}`);
    expect(events).toHaveLength(1);
    expect(events[0]!.id).toBe(googleEventId(`milestone:${m.id}`));
    expect(events[0]!.id).toMatch(/^[a-v0-9]+$/);
    expect(events[0]!.start).toEqual({ date: '2026-03-20' });
    expect(events[0]!.end).toEqual({ date: '2026-03-21' });
    expect(events[0]!.summary).toBe('◆ Beta');
    expect(events[0]!.description).toContain(`/projects/${project.id}?milestone=${m.id}`);
    expect(fake.requests.some((r) => r.status === 409)).toBe(true);
  });

  it('a due-date edit moves the event; completing marks it; deleting removes it', async () => {
    const { project } = await calendarIntegration('google-calendar', { token: TOKEN, externalId: CAL });
    const t = await task(project.id);
    await calendarTarget.run(getDb(), localChange('task.created', project.id, { taskId: t.id }));
    const id = googleEventId(`task:${t.id}`);
    expect(fake.calendar(CAL)!.events.get(id)!.start).toEqual({ date: '2026-03-10' });

    await updateTask(getDb(), project.id, t.id, { dueDate: '2026-03-12' });
    await calendarTarget.run(getDb(), localChange('task.updated', project.id, { taskId: t.id }, ['dueDate']));
    expect(fake.calendar(CAL)!.events.get(id)!.start).toEqual({ date: '2026-03-12' });
    // Each write is on the task's timeline, once per change, naming the change that caused it.
    const timeline = await getDb().select().from(taskSyncEvents).where(and(eq(taskSyncEvents.taskId, t.id), eq(taskSyncEvents.kind, 'event_upserted')));
    expect(timeline).toHaveLength(2);
    expect(timeline[0]!.summary).toMatch(/^Calendar event written in Google Calendar/);
    expect(timeline.every((e) => typeof (e.details.trigger as { changeId?: string }).changeId === 'string')).toBe(true);

    const before = fake.requests.length;
    await calendarTarget.run(getDb(), localChange('task.updated', project.id, { taskId: t.id }, ['description']));
    expect(fake.requests.length).toBe(before); // fields the event does not show: no call

    await updateTask(getDb(), project.id, t.id, { status: 'done' });
    await calendarTarget.run(getDb(), localChange('task.updated', project.id, { taskId: t.id }, ['status']));
    expect(fake.calendar(CAL)!.events.get(id)!.summary).toBe('✓ Ship the beta');
    expect(fake.calendar(CAL)!.events.get(id)!.description).toContain('status: Done');

    await getDb().update(tasks).set({ deletedAt: new Date() }).where(eq(tasks.id, t.id));
    await calendarTarget.run(getDb(), localChange('task.deleted', project.id, { taskId: t.id }));
    expect(fake.calendar(CAL)!.events.get(id)!.status).toBe('cancelled');
    expect(await getDb().select().from(calendarEventLinks).where(eq(calendarEventLinks.itemKey, `task:${t.id}`))).toHaveLength(0);
  });

  it('completed items are removed with "remove"; only labelled tasks with "labels"', async () => {
    const { project } = await calendarIntegration('google-calendar', {
      token: TOKEN, externalId: CAL, settings: { completedItems: 'remove', taskDeadlines: 'labels', taskLabels: ['release'] },
    });
    const plain = await task(project.id);
    const labelled = await task(project.id, { labels: ['Release'] });
    await calendarTarget.run(getDb(), localChange('task.created', project.id, { taskId: plain.id }));
    await calendarTarget.run(getDb(), localChange('task.created', project.id, { taskId: labelled.id }));
    expect(fake.calendar(CAL)!.events.has(googleEventId(`task:${plain.id}`))).toBe(false);
    expect(fake.calendar(CAL)!.events.get(googleEventId(`task:${labelled.id}`))!.status).toBe('confirmed');
    await updateTask(getDb(), project.id, labelled.id, { status: 'done' });
    await calendarTarget.run(getDb(), localChange('task.updated', project.id, { taskId: labelled.id }, ['status']));
    expect(fake.calendar(CAL)!.events.get(googleEventId(`task:${labelled.id}`))!.status).toBe('cancelled');
  });

  it('timed deadlines carry the project zone', async () => {
    const { project } = await calendarIntegration('google-calendar', { token: TOKEN, externalId: CAL, settings: { deadlineTime: '17:00' }, timeZone: 'America/New_York' });
    const t = await task(project.id, { dueDate: '2026-03-09' });
    await calendarTarget.run(getDb(), localChange('task.created', project.id, { taskId: t.id }));
    expect(fake.calendar(CAL)!.events.get(googleEventId(`task:${t.id}`))!.start).toEqual({ dateTime: '2026-03-09T17:00:00', timeZone: 'America/New_York' });
  });
});

describe('Google Calendar: changes back', () => {
  it('a moved event becomes a proposal; accepting updates the task', async () => {
    const { project, user, integration } = await calendarIntegration('google-calendar', { token: TOKEN, externalId: CAL });
    const t = await task(project.id);
    await calendarTarget.run(getDb(), localChange('task.created', project.id, { taskId: t.id }));
    await pullCalendar(getDb(), integration); // first full read: takes the sync token

    const requestsBefore = fake.requests.length;
    const idle = await pullCalendar(getDb(), integration);
    expect(idle.pages).toBe(1); // nothing changed: one incremental request
    expect(fake.requests.length - requestsBefore).toBe(1);
    expect(fake.requests.at(-1)!.query.syncToken).toBeTruthy();

    fake.moveEvent(CAL, googleEventId(`task:${t.id}`), { date: '2026-03-14' }, { date: '2026-03-15' });
    const pulled = await pullCalendar(getDb(), integration);
    expect(pulled.outcomes.proposed).toBe(1);
    await pullCalendar(getDb(), integration); // seen again: no second proposal
    const proposals = await getDb().select().from(calendarProposals).where(eq(calendarProposals.projectId, project.id));
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ status: 'open', fromDate: '2026-03-10', toDate: '2026-03-14' });
    expect((await getTask(getDb(), project.id, t.id))!.dueDate).toBe('2026-03-10');

    await acceptProposal(getDb(), project.id, proposals[0]!.id, user.id);
    expect((await getTask(getDb(), project.id, t.id))!.dueDate).toBe('2026-03-14');
    const [link] = await getDb().select().from(calendarEventLinks).where(eq(calendarEventLinks.itemKey, `task:${t.id}`));
    expect(link!.eventDate).toBe('2026-03-14');
    await expect(acceptProposal(getDb(), project.id, proposals[0]!.id, user.id)).rejects.toThrow(/already/);
  });

  it('"apply" moves the milestone right away', async () => {
    const { project, integration } = await calendarIntegration('google-calendar', { token: TOKEN, externalId: CAL, settings: { onEventMoved: 'apply' } });
    const m = await createMilestone(getDb(), project.id, { title: 'GA', description: '', dueDate: '2026-04-01' });
    await calendarTarget.run(getDb(), localChange('milestone.created', project.id, { milestoneId: m.id }));
    await pullCalendar(getDb(), integration);
    fake.moveEvent(CAL, googleEventId(`milestone:${m.id}`), { dateTime: '2026-04-03T23:30:00-04:00', timeZone: 'America/New_York' }, { dateTime: '2026-04-04T00:00:00-04:00' });
    await pullCalendar(getDb(), integration);
    const [row] = await getDb().select().from((await import('@/db/schema')).milestones).where(eq((await import('@/db/schema')).milestones.id, m.id));
    expect(row!.dueDate).toBe('2026-04-04'); // 23:30 in New York is the 4th in UTC, the project's zone
  });

  it('a 410 starts a full resync that applies deletions (recreate and unlink)', async () => {
    const recreate = await calendarIntegration('google-calendar', { token: TOKEN, externalId: CAL });
    const unlink = await calendarIntegration('google-calendar', { token: TOKEN, externalId: 'owner@example.test', settings: { onEventDeleted: 'unlink' } });
    const t1 = await task(recreate.project.id);
    const t2 = await task(unlink.project.id);
    await calendarTarget.run(getDb(), localChange('task.created', recreate.project.id, { taskId: t1.id }));
    await calendarTarget.run(getDb(), localChange('task.created', unlink.project.id, { taskId: t2.id }));
    await pullCalendar(getDb(), recreate.integration);
    await pullCalendar(getDb(), unlink.integration);

    fake.deleteEvent(CAL, googleEventId(`task:${t1.id}`));
    fake.deleteEvent('owner@example.test', googleEventId(`task:${t2.id}`));
    // Cancelled events vanish from full reads; the sync tokens expire meanwhile.
    for (const c of fake.calendars.values()) for (const [id, e] of c.events) if (e.status === 'cancelled') c.events.delete(id);
    fake.expireSyncTokens();

    const a = await pullCalendar(getDb(), recreate.integration);
    const b = await pullCalendar(getDb(), unlink.integration);
    expect(fake.requests.some((r) => r.status === 410)).toBe(true);
    expect(a.resynced).toBe(true);
    expect(a.outcomes.recreated).toBe(1);
    expect(fake.calendar(CAL)!.events.get(googleEventId(`task:${t1.id}`))!.status).toBe('confirmed');
    expect(b.outcomes.unlinked).toBe(1);
    const [link] = await getDb().select().from(calendarEventLinks).where(and(eq(calendarEventLinks.integrationId, unlink.integration.id)));
    expect(link!.unlinkedAt).not.toBeNull();
    // Unlinked: later edits no longer write the event.
    await updateTask(getDb(), unlink.project.id, t2.id, { dueDate: '2026-05-01' });
    await calendarTarget.run(getDb(), localChange('task.updated', unlink.project.id, { taskId: t2.id }, ['dueDate']));
    expect(fake.calendar('owner@example.test')!.events.has(googleEventId(`task:${t2.id}`))).toBe(false);
  });
});

describe('Google Calendar: activation', () => {
  it('"new" creates the dedicated calendar, opens the channel and writes existing deadlines; another calendar starts over', async () => {
    const { project, integration } = await calendarIntegration('google-calendar', { token: TOKEN, externalId: 'new' });
    const m = await createMilestone(getDb(), project.id, { title: 'Kick-off', description: '', dueDate: '2026-02-02' });
    const t = await task(project.id);
    const active = await activateCalendar(getDb(), integration, 'https://tb.example.test');
    const created = fake.calendar(active.externalId!)!;
    expect(created.summary).toBe(`Taskbridge — ${project.name}`);
    expect((await getIntegrationById(getDb(), integration.id))!.externalId).toBe(created.id);
    expect(fake.liveEvents(created.id).map((e) => e.extendedProperties?.private?.taskbridgeKey).sort()).toEqual([`milestone:${m.id}`, `task:${t.id}`].sort());
    const firstChannel = (await getIntegrationById(getDb(), integration.id))!.subscriptionId!;
    expect(fake.channels.get(firstChannel)!.calendarId).toBe(created.id);

    // Saved again with another calendar: links, cursor and channel belong to the old one.
    const moved = { ...(await getIntegrationById(getDb(), integration.id))!, externalId: CAL };
    await getDb().update((await import('@/db/schema')).projectIntegrations).set({ externalId: CAL }).where(eq((await import('@/db/schema')).projectIntegrations.id, integration.id));
    await activateCalendar(getDb(), moved, 'https://tb.example.test');
    expect(fake.channels.get(firstChannel)!.stopped).toBe(true);
    expect(fake.calendar(CAL)!.events.get(googleEventId(`task:${t.id}`))!.status).toBe('confirmed');
  });
});

describe('Google Calendar: push channels', () => {
  it('watch sends the sync message; a channel near expiry is replaced and the old one stopped', async () => {
    process.env.APP_URL = 'https://tb.example.test';
    const { integration, secret } = await calendarIntegration('google-calendar', { token: TOKEN, externalId: CAL });
    const first = await ensureSubscription(getDb(), integration);
    expect(first!.resourceId).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    const sync = fake.pushes.find((p) => p.channelId === first!.id)!;
    expect(sync.state).toBe('sync');
    expect(sync.headers['X-Goog-Channel-Token']).toBe(secret);
    expect(fake.channels.get(first!.id)!.address).toBe(`https://tb.example.test/integrations/webhooks/google-calendar/${integration.id}/`);

    // Six days and a bit later: within the one-day margin.
    const { renewed } = await renewDueSubscriptions(getDb(), new Date(Date.now() + 6.5 * 86_400_000));
    expect(renewed).toContain(integration.id);
    const after = (await getIntegrationById(getDb(), integration.id))!;
    expect(after.subscriptionId).not.toBe(first!.id);
    expect(fake.channels.get(after.subscriptionId!)!.stopped).toBe(false);
    expect(fake.channels.get(first!.id)!.stopped).toBe(true);
  });

  it('retries 429 and 403 rateLimitExceeded, not a plain 403', async () => {
    const { project } = await calendarIntegration('google-calendar', { token: TOKEN, externalId: CAL });
    const m = await createMilestone(getDb(), project.id, { title: 'Throttled', description: '', dueDate: '2026-06-01' });
    fake.failNext({ status: 429, retryAfter: 0 });
    fake.failNext({ status: 403, reason: 'rateLimitExceeded' });
    await calendarTarget.run(getDb(), localChange('milestone.created', project.id, { milestoneId: m.id }));
    expect(fake.calendar(CAL)!.events.get(googleEventId(`milestone:${m.id}`))).toBeTruthy();
    await updateMilestone(getDb(), project.id, m.id, { dueDate: '2026-06-02' });
    fake.failNext({ status: 403, reason: 'forbidden' });
    await expect(calendarTarget.run(getDb(), localChange('milestone.updated', project.id, { milestoneId: m.id }, ['dueDate']))).rejects.toThrow();
  });
});
