import examples from '@octokit/webhooks-examples';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTaskComments } from '@/db/queries/comments';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { getIntegrationById } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { externalTaskMappings, integrationWebhooks, tasks, taskSyncEvents } from '@/db/schema';
import { processGithubEvent } from '@/lib/integrations/github/process-event';
import { exportTask } from '@/lib/sync/engine/task-ops';
import { inboundContext } from '@/lib/sync/engine/inbound';
import { pushTaskChanges } from '@/lib/sync/push-task-changes';
import { runSync } from '@/lib/sync/run-sync';
import { getLatestSyncRun } from '@/db/queries/sync-runs';
import type { FakeIssue } from '../../fakes/github/fake-state';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

/** A real GitHub `issues` payload (webhooks-examples) carrying the fake's current issue. */
function issuesEvent(action: string, issue: FakeIssue, extra: Record<string, unknown> = {}) {
  const example = examples.find((e) => e.name === 'issues')!.examples.find((e) => (e as { action: string }).action === action)!;
  const payload = structuredClone(example) as unknown as Record<string, unknown>;
  return { eventType: 'issues', action, payload: { ...payload, repository: repositoryOf(issue, payload), issue: structuredClone(issue), ...extra } };
}

/** The example's repository object, renamed to the repo the fake issue lives in. */
function repositoryOf(issue: FakeIssue, payload: Record<string, unknown>) {
  const fullName = new URL(String(issue.html_url)).pathname.split('/').slice(1, 3).join('/');
  return { ...(payload.repository as object), full_name: fullName };
}

async function setup(opts: { settings?: Record<string, unknown> } = {}) {
  const fx = await createGithubIntegration(fake, { issues: 5, ...opts });
  await runSync(fx.db, fx.integration.id);
  const integration = (await getIntegrationById(fx.db, fx.integration.id))!;
  const target = await inboundContext(fx.db, integration);
  return { ...fx, integration, target };
}

const events = (db: Awaited<ReturnType<typeof setup>>['db'], taskId: string) =>
  db.select().from(taskSyncEvents).where(eq(taskSyncEvents.taskId, taskId));

describe('GitHub two-way sync', () => {
  it('ignores events from another repository (an org hook, a reused secret)', async () => {
    const { target, integration, repoName } = await setup();
    const issue = fake.editIssue(repoName, 1, { title: 'Not ours' });
    const event = issuesEvent('edited', issue);
    (event.payload as { repository: { full_name: string } }).repository.full_name = 'someone-else/other-repo';
    expect(await processGithubEvent(target, event)).toMatchObject({ skipped: expect.stringContaining('someone-else/other-repo') });
    const rows = await linkedTasks(integration.id);
    expect(rows.map((r) => r.task.title)).not.toContain('Not ours');
  });

  it('webhook edits update tasks; comments go on the timeline and in the conversation; deleted issues unlink', async () => {
    const { db, repoName, target, integration } = await setup();
    const issue = fake.editIssue(repoName, 2, { title: 'Edited on GitHub', labels: ['bug'], state: 'closed', state_reason: 'not_planned' });
    const result = await processGithubEvent(target, issuesEvent('edited', issue));
    expect(result).toMatchObject({ updated: 1 });
    let rows = await linkedTasks(integration.id);
    expect(rows[1]!.task).toMatchObject({ title: 'Edited on GitHub', labels: ['bug'], status: 'cancelled' });
    // the same delivery again changes nothing
    expect(await processGithubEvent(target, issuesEvent('edited', issue))).toMatchObject({ unchanged: true });

    const commentExample = structuredClone(examples.find((e) => e.name === 'issue_comment')!.examples[0]!) as unknown as Record<string, Record<string, unknown>>;
    const payload = { ...commentExample, action: 'created', repository: repositoryOf(issue, commentExample), issue: { ...commentExample.issue, id: issue.id, pull_request: undefined } };
    await processGithubEvent(target, { eventType: 'issue_comment', action: 'created', payload });
    await processGithubEvent(target, { eventType: 'issue_comment', action: 'created', payload });
    const comments = (await events(db, rows[1]!.task.id)).filter((e) => e.kind === 'comment');
    expect(comments).toHaveLength(1);
    // …and in the task's conversation, once, with its author and its source; an edit replaces the text, a deletion removes it.
    const comment = commentExample.comment as { id: number; body: string; user: { login: string }; updated_at: string };
    const conversation = () => listTaskComments(db, rows[1]!.task.projectId, rows[1]!.task.id);
    expect(await conversation()).toEqual([expect.objectContaining({ body: comment.body, externalAuthor: comment.user.login, sourceName: 'GitHub', authorName: null })]);
    const edited = { ...payload, action: 'edited', comment: { ...comment, body: 'Edited on GitHub', updated_at: '2030-01-01T00:00:00Z' } };
    await processGithubEvent(target, { eventType: 'issue_comment', action: 'edited', payload: edited });
    expect((await conversation()).map((c) => c.body)).toEqual(['Edited on GitHub']);
    const deleted = { ...edited, action: 'deleted' };
    await processGithubEvent(target, { eventType: 'issue_comment', action: 'deleted', payload: deleted });
    expect(await conversation()).toEqual([]);
    // Out of order: the deletion was stored first, the creation arrives late and brings nothing back.
    await db.insert(integrationWebhooks).values({ integrationId: integration.id, providerId: integration.providerId, deliveryId: 'comment-deleted-1', eventType: 'issue_comment', eventAction: 'deleted', payload: deleted });
    await processGithubEvent(target, { eventType: 'issue_comment', action: 'created', payload });
    expect(await conversation()).toEqual([]);

    fake.deleteIssue(repoName, 3);
    await processGithubEvent(target, issuesEvent('deleted', fake.issue(repoName, 3)));
    rows = await linkedTasks(integration.id);
    expect(rows[2]!.mapping.syncEnabled).toBe(false);
    expect(rows[2]!.mapping.snapshot).toMatchObject({ unlinked: 'deleted on GitHub' });
    await runSync(db, integration.id);
    expect(await linkedTasks(integration.id)).toHaveLength(5);
  });

  it('export creates an issue, and the opened webhook that follows is not an echo', async () => {
    const { db, repoName, integration, project, target } = await setup();
    const [task] = await db.insert(tasks).values({ projectId: project.id, title: 'Made in Taskbridge', description: 'Details', labels: ['ui'], status: 'done' }).returning();
    const out = await exportTask({ db, integration, connection: await loadConnection(integration), taskId: task!.id });
    expect(out).toMatchObject({ created: true, externalKey: `${repoName}#6` });
    const issue = fake.issue(repoName, 6);
    expect(issue).toMatchObject({ title: 'Made in Taskbridge', body: 'Details', state: 'closed', state_reason: 'completed' });
    expect(issue.labels.map((l) => l.name)).toEqual(['ui']);
    expect(await processGithubEvent(target, issuesEvent('opened', issue))).toMatchObject({ unchanged: true });
    // exporting again returns the link, it does not create a second issue
    const again = await exportTask({ db, integration, connection: await loadConnection(integration), taskId: task!.id });
    expect(again.created).toBe(false);
    expect(fake.repos.get(repoName)!.issues).toHaveLength(6);
  });

  it('an edit round-trip produces no echo', async () => {
    const { db, repoName, integration, target } = await setup();
    const row = (await linkedTasks(integration.id))[0]!;
    await db.update(tasks).set({ title: 'Renamed in Taskbridge', labels: ['ui', 'p2'], updatedAt: new Date() }).where(eq(tasks.id, row.task.id));
    const [pushed] = await pushTaskChanges(db, row.task.id);
    expect(pushed).toMatchObject({ ok: true, pushed: ['title', 'labels'], conflicts: 0 });
    const issue = fake.issue(repoName, 1);
    expect(issue.title).toBe('Renamed in Taskbridge');
    const taskBefore = (await linkedTasks(integration.id))[0]!.task;
    // GitHub's webhook for our own PATCH, then the next sync: neither is a change
    expect(await processGithubEvent(target, issuesEvent('edited', issue))).toMatchObject({ unchanged: true });
    const before = fake.requests.length;
    await runSync(db, integration.id);
    expect(await getLatestSyncRun(db, integration.id)).toMatchObject({ status: 'success', updated: 0, created: 0 });
    expect(fake.requests.slice(before).filter((r) => r.method === 'PATCH')).toHaveLength(0);
    const taskAfter = (await linkedTasks(integration.id))[0]!.task;
    expect(taskAfter.updatedAt).toEqual(taskBefore.updatedAt);
    expect((await events(db, row.task.id)).map((e) => e.kind)).toEqual(['pushed']);
  });

  it('a conflict is resolved by the policy (newest wins) and recorded on the task and in the log', async () => {
    const { db, repoName, integration } = await setup();
    const row = (await linkedTasks(integration.id))[0]!;
    await db.update(tasks).set({ title: 'Local title', updatedAt: new Date(Date.now() - 60_000) }).where(eq(tasks.id, row.task.id));
    fake.editIssue(repoName, 1, { title: 'Remote title', body: 'Remote body' });
    await runSync(db, integration.id);
    const after = (await linkedTasks(integration.id))[0]!;
    expect(after.task).toMatchObject({ title: 'Remote title', description: 'Remote body' });
    const conflict = (await events(db, row.task.id)).find((e) => e.kind === 'conflict')!;
    expect(conflict.details).toMatchObject({ field: 'title', winner: 'remote', policy: 'newest', local: 'Local title', remote: 'Remote title' });
    const logs = await listIntegrationLogs(db, integration.id, { status: 'warning' });
    expect(logs.some((l) => /Conflict on .*title → GitHub kept/.test(l.description))).toBe(true);
    expect(await getLatestSyncRun(db, integration.id)).toMatchObject({ conflicts: 1 });
  });

  it('with the "taskbridge" policy the local value wins and is sent to GitHub', async () => {
    const { db, repoName, integration } = await setup({ settings: { conflictPolicy: 'taskbridge' } });
    const row = (await linkedTasks(integration.id))[0]!;
    await db.update(tasks).set({ title: 'Local wins', updatedAt: new Date(Date.now() - 60_000) }).where(eq(tasks.id, row.task.id));
    fake.editIssue(repoName, 1, { title: 'Remote loses', labels: ['remote-label'] });
    await runSync(db, integration.id);
    expect(fake.issue(repoName, 1).title).toBe('Local wins');
    const after = (await linkedTasks(integration.id))[0]!;
    expect(after.task).toMatchObject({ title: 'Local wins', labels: ['remote-label'] });
    const [m] = await db.select().from(externalTaskMappings).where(and(eq(externalTaskMappings.taskId, row.task.id)));
    expect(m!.snapshot).toMatchObject({ title: 'Local wins', labels: ['remote-label'] });
    expect(m!.externalUpdatedAt!.toISOString().replace('.000Z', 'Z')).toBe(fake.issue(repoName, 1).updated_at);
  });

  it('an edit whose push failed (GitHub down) is sent by the next sync', async () => {
    const { db, repoName, integration } = await setup();
    const row = (await linkedTasks(integration.id))[3]!;
    await db.update(tasks).set({ title: 'Edited while GitHub was down', updatedAt: new Date() }).where(eq(tasks.id, row.task.id));
    for (let i = 0; i < 3; i++) fake.faults.push({ status: 500, match: (m) => m === 'GET' });
    const [failed] = await pushTaskChanges(db, row.task.id);
    expect(failed).toMatchObject({ ok: false });
    expect(fake.issue(repoName, 4).title).not.toBe('Edited while GitHub was down');
    await runSync(db, integration.id);
    expect(fake.issue(repoName, 4).title).toBe('Edited while GitHub was down');
    const before = fake.requests.length;
    await runSync(db, integration.id);
    expect(fake.requests.slice(before).filter((r) => r.method !== 'GET' || r.path.includes('/issues/'))).toHaveLength(0);
  });
});
