import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTaskComments } from '@/db/queries/comments';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { syncRuns, tasks } from '@/db/schema';
import { loadConnection } from '@/lib/integrations/connection';
import { exportTask } from '@/lib/sync/engine/task-ops';
import { pushTaskChanges } from '@/lib/sync/push-task-changes';
import { runSync } from '@/lib/sync/run-sync';
import { getLatestSyncRun } from '@/db/queries/sync-runs';
import { adfPlain, STATUSES } from '@/tests/fakes/jira/fake-state';
import type { FakeJira } from '@/tests/fakes/jira/server';
import { createJiraIntegration } from './engine-fixture';
import { startJira } from './jira-fixture';

let fake: FakeJira & { stop: () => Promise<void> };
beforeAll(async () => {
  fake = await startJira();
});
afterAll(() => fake.stop());

const searchesSince = (from: number) => fake.requests.slice(from).filter((r) => r.path.endsWith('/search/jql'));
const issueOf = (key: string, n: number) => fake.find(`${key}-${n}`)!;

describe('Jira through the task-sync engine', () => {
  it('imports 250 issues over 3 pages, never calling the removed /search', async () => {
    const { db, id, project, links } = await createJiraIntegration(fake, { issues: 250 });
    const before = fake.requests.length;
    await runSync(db, id);
    expect(await getLatestSyncRun(db, id)).toMatchObject({ status: 'success', pages: 3, fetched: 250, created: 250 });
    expect(searchesSince(before)).toHaveLength(3);
    expect(fake.requests.slice(before).filter((r) => /\/rest\/api\/[23]\/search$/.test(r.path))).toHaveLength(0);
    const [t] = await db.select({ n: count() }).from(tasks).where(eq(tasks.projectId, project.id));
    expect(t!.n).toBe(250);
    const first = (await links()).find((r) => r.task.title === 'Issue 1')!;
    expect(first.task).toMatchObject({ description: 'Body of issue 1', status: 'todo', priority: 'urgent', labels: ['bug'] });
    expect(first.link.externalKey).toMatch(/-1$/);
  });

  it('re-import and concurrent imports create no duplicates; a resync with nothing changed is one request and no writes', async () => {
    const { db, id, project, links } = await createJiraIntegration(fake, { issues: 120 });
    await Promise.all([runSync(db, id), runSync(db, id), runSync(db, id)]);
    await runSync(db, id);
    const [t] = await db.select({ n: count() }).from(tasks).where(eq(tasks.projectId, project.id));
    expect(t!.n).toBe(120);
    const runs = await db.select().from(syncRuns).where(eq(syncRuns.integrationId, id));
    expect(runs.reduce((s, r) => s + r.created, 0)).toBe(120);
    const stamps = (await links()).map((r) => r.link.updatedAt.getTime()).sort();
    const before = fake.requests.length;
    await runSync(db, id);
    expect(fake.requests.slice(before).map((r) => r.path.replace(/^.*\/rest/, '/rest'))).toEqual(['/rest/api/3/search/jql']);
    expect((await links()).map((r) => r.link.updatedAt.getTime()).sort()).toEqual(stamps);
  });

  it('a sync after edits in Jira fetches only what changed', async () => {
    const { db, id, key, linkOf } = await createJiraIntegration(fake, { issues: 150 });
    await runSync(db, id);
    fake.edit(`${key}-10`, { summary: 'Renamed in Jira' });
    fake.edit(`${key}-20`, { labels: ['p1'] });
    const before = fake.requests.length;
    await runSync(db, id);
    expect(searchesSince(before)).toHaveLength(1);
    expect(await getLatestSyncRun(db, id)).toMatchObject({ status: 'success', fetched: 2, updated: 2, created: 0 });
    expect((await linkOf(issueOf(key, 10).id))!.task.title).toBe('Renamed in Jira');
    expect((await linkOf(issueOf(key, 20).id))!.task.labels).toEqual(['p1']);
  });

  it('webhook edits update tasks (refetched in v3); a deleted issue unlinks and keeps its task; comments land on the timeline and in the conversation', async () => {
    const { db, id, key, linkOf, deliver, events } = await createJiraIntegration(fake, { issues: 3 });
    await runSync(db, id);
    fake.outbox.length = 0;
    fake.edit(`${key}-2`, { summary: 'Edited in Jira', description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'new ', marks: [] }, { type: 'text', text: 'bold', marks: [{ type: 'strong' }] }] }] } });
    const before = fake.requests.length;
    const [applied] = await deliver();
    expect(applied).toMatchObject({ event: 'jira:issue_updated', fields: expect.arrayContaining(['summary', 'description']) });
    expect(fake.requests.slice(before).some((r) => r.method === 'GET' && r.path.endsWith(`/rest/api/3/issue/${issueOf(key, 2).id}`))).toBe(true);
    expect((await linkOf(issueOf(key, 2).id))!.task).toMatchObject({ title: 'Edited in Jira', description: 'new **bold**' });

    const gone = issueOf(key, 3);
    fake.remove(gone.id);
    expect(await deliver()).toEqual([expect.objectContaining({ unlinked: true })]);
    const kept = await linkOf(gone.id);
    expect(kept!.link.syncEnabled).toBe(false);
    expect(kept!.task.deletedAt).toBeNull();
    expect((await events('unlinked'))[0]!.summary).toMatch(/deleted in Jira/);

    const issue = issueOf(key, 1);
    // As Jira sends it: the issue's REST `self` on the site, from which the comment's link is made
    // (the redelivery below carries none, and the link stays).
    const self = `https://acme.atlassian.net/rest/api/2/issue/${issue.id}`;
    fake.outbox.push({ identifier: 'c-1', event: 'comment_created', body: { webhookEvent: 'comment_created', issue: { id: issue.id, key: issue.key, self, fields: { project: { key } } }, comment: { id: '501', body: 'Looks good', updated: '2026-12-01T10:00:00.000+0000', author: { displayName: 'Ada' } } } });
    fake.outbox.push({ identifier: 'c-2', event: 'comment_created', body: { webhookEvent: 'comment_created', issue: { id: issue.id, key: issue.key, fields: { project: { key } } }, comment: { id: '501', body: 'Looks good', updated: '2026-12-01T10:00:00.000+0000', author: { displayName: 'Ada' } } } });
    await deliver();
    expect(await events('comment')).toEqual([expect.objectContaining({ summary: 'Ada commented in Jira', externalActor: 'Ada' })]);
    // …and in the task's conversation, once (two deliveries), with its author and "on Jira".
    const commented = (await linkOf(issue.id))!.task;
    expect(await listTaskComments(db, commented.projectId, commented.id)).toEqual([
      expect.objectContaining({
        body: 'Looks good', externalAuthor: 'Ada', sourceName: 'Jira', createdAt: new Date('2026-12-01T10:00:00.000Z'),
        externalUrl: `https://acme.atlassian.net/browse/${issue.key}?focusedCommentId=501`,
      }),
    ]);
    // another project's issue on an admin-wide webhook is not imported
    fake.outbox.push({ identifier: 'o-1', event: 'jira:issue_created', body: { webhookEvent: 'jira:issue_created', issue: { id: '1', key: 'OTHER-1', fields: { project: { key: 'OTHER' } } } } });
    expect(await deliver()).toEqual([{ skipped: `issue of project OTHER, not ${key}` }]);
  });

  it('an issue moved to another project (its key changes) unlinks its task; links are keyed on the issue id', async () => {
    const { db, id, key, linkOf, deliver } = await createJiraIntegration(fake, { issues: 2 });
    await runSync(db, id);
    fake.outbox.length = 0;
    const issue = issueOf(key, 2);
    fake.addProject('MOVED');
    issue.formerKeys.push(issue.key);
    Object.assign(issue, { key: 'MOVED-9', projectKey: 'MOVED' });
    fake.edit(issue.id, { summary: 'Moved away' });
    expect(await deliver()).toEqual([expect.objectContaining({ unlinked: true })]);
    expect((await linkOf(issue.id))!.link.syncEnabled).toBe(false);
    expect((await linkOf(issueOf(key, 1).id))!.link.syncEnabled).toBe(true);
  });

  it('export creates an issue and links it; its webhook is no echo; a resync makes no duplicate', async () => {
    const { db, id, project, links, integration, deliver, events } = await createJiraIntegration(fake);
    const [task] = await db.insert(tasks).values({ projectId: project.id, title: 'Made here', description: 'Some _notes_', status: 'in_progress', priority: 'high', labels: ['x'] }).returning();
    const i = await integration();
    const out = await exportTask({ db, integration: i, connection: await loadConnection(i), taskId: task!.id });
    expect(out).toMatchObject({ created: true, externalKey: expect.stringMatching(/-1$/) });
    const issue = fake.find(out.externalKey)!;
    expect(issue.fields).toMatchObject({ summary: 'Made here', status: { name: 'In Progress' }, priority: { id: '2' }, labels: ['x'] });
    expect(adfPlain(issue.fields.description)).toBe('Some notes');
    expect(await deliver()).toEqual(expect.arrayContaining([expect.objectContaining({ unchanged: true })]));
    await runSync(db, id);
    expect(await links()).toHaveLength(1);
    expect(await events('updated')).toHaveLength(0);
  });

  it('a status change goes through a transition; the round trip makes no echo', async () => {
    const { db, id, key, linkOf, deliver, events } = await createJiraIntegration(fake, { issues: 1 });
    await runSync(db, id);
    fake.outbox.length = 0;
    const issue = issueOf(key, 1);
    const link = (await linkOf(issue.id))!;
    await db.update(tasks).set({ status: 'done', title: 'Finished', updatedAt: new Date() }).where(eq(tasks.id, link.task.id));
    const before = fake.requests.length;
    const [out] = await pushTaskChanges(db, link.task.id);
    expect(out).toMatchObject({ ok: true, pushed: expect.arrayContaining(['status', 'summary']) });
    expect(fake.requests.slice(before).some((r) => r.method === 'POST' && r.path.endsWith(`/issue/${issue.id}/transitions`))).toBe(true);
    expect(issue.fields.status.name).toBe('Done');
    expect(issue.fields.summary).toBe('Finished');
    expect(await deliver()).toEqual(expect.arrayContaining([expect.objectContaining({ unchanged: true })]));
    await runSync(db, id);
    expect(await events('updated')).toHaveLength(0);
    expect((await linkOf(issue.id))!.task).toMatchObject({ status: 'done', title: 'Finished' });
  });

  it('a workflow with no transition: the other fields sync, the task and the log say why', async () => {
    const { db, id, key, linkOf, events } = await createJiraIntegration(fake, { issues: 1 });
    await runSync(db, id);
    const issue = issueOf(key, 1);
    fake.workflow.set(issue.fields.status.id, ['3']); // from To Do only to In Progress
    const link = (await linkOf(issue.id))!;
    await db.update(tasks).set({ status: 'done', labels: ['shipped'], updatedAt: new Date() }).where(eq(tasks.id, link.task.id));
    const [out] = await pushTaskChanges(db, link.task.id);
    expect(out).toMatchObject({ ok: true });
    expect(issue.fields.labels).toEqual(['shipped']);
    expect(issue.fields.status.name).toBe('To Do');
    const pushed = (await events('pushed')).map((e) => e.summary);
    expect(pushed).toEqual(expect.arrayContaining([expect.stringMatching(/Not sent to Jira .*: status — .*no transition from "To Do"/), expect.stringMatching(/: labels$/)]));
    const logs = await listIntegrationLogs(db, id);
    expect(logs.some((l) => l.status === 'warning' && /no transition/.test(l.description))).toBe(true);
    fake.workflow.clear();
  });

  it('the mapping is applied: statuses and priorities by id', async () => {
    const review = STATUSES.find((s) => s.name === 'In Review')!;
    const { db, id, key, linkOf } = await createJiraIntegration(fake, { settings: { statusMap: { [review.id]: 'done', "Won't Do": 'cancelled' }, priorityMap: { '3': 'low' } } });
    fake.createIssue(key, { summary: 'In review', statusId: review.id, priorityId: '3' });
    fake.createIssue(key, { summary: 'Dropped', statusId: '10003' });
    await runSync(db, id);
    expect((await linkOf(issueOf(key, 1).id))!.task).toMatchObject({ status: 'done', priority: 'low' });
    expect((await linkOf(issueOf(key, 2).id))!.task).toMatchObject({ status: 'cancelled', priority: 'low' });
  });

  it('a field changed on both sides is settled by the policy and recorded', async () => {
    const { db, id, key, linkOf, events } = await createJiraIntegration(fake, { issues: 1, settings: { conflictPolicy: 'external' } });
    await runSync(db, id);
    const issue = issueOf(key, 1);
    const link = (await linkOf(issue.id))!;
    await db.update(tasks).set({ title: 'Local title', labels: ['local'], updatedAt: new Date() }).where(eq(tasks.id, link.task.id));
    fake.edit(issue.id, { summary: 'Remote title' });
    await runSync(db, id);
    expect((await linkOf(issue.id))!.task).toMatchObject({ title: 'Remote title', labels: ['local'] });
    expect(issue.fields.labels).toEqual(['local']);
    const conflicts = await events('conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.details).toMatchObject({ field: 'summary', local: 'Local title', remote: 'Remote title', winner: 'remote', policy: 'external' });
  });
});
