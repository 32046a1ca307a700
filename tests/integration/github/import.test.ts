import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestones, syncRuns, tasks } from '@/db/schema';
import { runSync } from '@/lib/sync/run-sync';
import { getLatestSyncRun } from '@/db/queries/sync-runs';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

describe('GitHub import', () => {
  it('imports 250 issues over 3 pages, skipping pull requests, with field mapping', async () => {
    const { db, integration, repoName, project } = await createGithubIntegration(fake, { issues: 0 });
    fake.seedIssues(repoName, 250);
    fake.seedIssues(repoName, 5, { pullRequestsEvery: 1 });
    fake.editIssue(repoName, 3, { state: 'closed', state_reason: 'not_planned' });
    fake.editIssue(repoName, 4, { state: 'closed', state_reason: 'completed' });
    await runSync(db, integration.id);
    const listCalls = fake.issueRequests(repoName);
    expect(listCalls.filter((r) => !r.query.since).map((r) => r.query.page)).toEqual(['1', '2', '3']);
    expect(listCalls[0]!.query).toMatchObject({ state: 'all', sort: 'updated', direction: 'asc', per_page: '100' });
    const rows = await linkedTasks(integration.id);
    expect(rows).toHaveLength(250);
    const byNumber = (n: number) => rows.find((r) => r.mapping.externalKey === `${repoName}#${n}`)!;
    expect(byNumber(3).task.status).toBe('cancelled');
    expect(byNumber(4).task.status).toBe('done');
    expect(byNumber(5).task.status).toBe('todo');
    expect(byNumber(5).task.externalAssignees).toEqual(['octocat']);
    expect(byNumber(5).task.labels).toEqual(['enhancement', 'ui']);
    expect(byNumber(7).task.milestoneId).not.toBeNull();
    expect(byNumber(7).mapping.externalUrl).toBe(`https://github.com/${repoName}/issues/7`);
    expect(byNumber(7).mapping.snapshot).toMatchObject({ title: fake.issue(repoName, 7).title, state: 'open' });
    const [ms] = await db.select({ n: count() }).from(milestones).where(eq(milestones.projectId, project.id));
    expect(ms!.n).toBe(1);
    const run = await getLatestSyncRun(db, integration.id);
    expect(run).toMatchObject({ status: 'success', created: 250, updated: 0 });
    // 255 items over 3 pages, then the closing re-read of the last 10 s (#3 and #4, edited just now)
    expect(run).toMatchObject({ fetched: 257, pages: 4 });
    expect(run!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("an issue's milestone named like a project milestone (any case) joins it: names are unique per project", async () => {
    const { db, integration, project } = await createGithubIntegration(fake, { issues: 14 });
    const [local] = await db.insert(milestones).values({ projectId: project.id, title: 'V1.0' }).returning();
    await runSync(db, integration.id);
    const all = await db.select().from(milestones).where(eq(milestones.projectId, project.id));
    expect(all.map((m) => m.id)).toEqual([local!.id]);
    const rows = await linkedTasks(integration.id);
    expect(rows.filter((r) => r.task.milestoneId === local!.id)).toHaveLength(2); // issues #7 and #14
  });

  it('re-import and concurrent imports create no duplicates', async () => {
    const { db, integration, project } = await createGithubIntegration(fake, { issues: 120 });
    await Promise.all([runSync(db, integration.id), runSync(db, integration.id), runSync(db, integration.id)]);
    await runSync(db, integration.id);
    const [t] = await db.select({ n: count() }).from(tasks).where(eq(tasks.projectId, project.id));
    expect(t!.n).toBe(120);
    expect(await linkedTasks(integration.id)).toHaveLength(120);
    const runs = await db.select().from(syncRuns).where(eq(syncRuns.integrationId, integration.id));
    expect(runs.every((r) => r.status === 'success')).toBe(true);
    expect(runs.reduce((s, r) => s + r.created, 0)).toBe(120);
  });

  it('a resync with nothing new costs one 304 and writes nothing', async () => {
    const { db, integration, repoName } = await createGithubIntegration(fake, { issues: 30 });
    await runSync(db, integration.id);
    const before = fake.requests.length;
    const stamp = (await linkedTasks(integration.id)).map((r) => r.mapping.updatedAt.getTime());
    await runSync(db, integration.id);
    const calls = fake.requests.slice(before);
    expect(calls.map((c) => c.status)).toEqual([304]);
    expect(calls[0]!.path).toBe(`/repos/${repoName}/issues`);
    expect((await linkedTasks(integration.id)).map((r) => r.mapping.updatedAt.getTime())).toEqual(stamp);
    expect(await getLatestSyncRun(db, integration.id)).toMatchObject({ status: 'success', notModified: true });
  });

  it('a second sync after edits fetches only what changed', async () => {
    const { db, integration, repoName } = await createGithubIntegration(fake, { issues: 150 });
    await runSync(db, integration.id);
    fake.editIssue(repoName, 10, { title: 'Renamed on GitHub' });
    fake.editIssue(repoName, 20, { labels: ['bug', 'p1'] });
    const before = fake.requests.length;
    await runSync(db, integration.id);
    const served = fake.requests.slice(before);
    expect(served.every((c) => c.query.since)).toBe(true);
    const run = await getLatestSyncRun(db, integration.id);
    expect(run).toMatchObject({ status: 'success', updated: 2, created: 0 });
    expect(run!.fetched).toBeLessThanOrEqual(2 + 1 + 2); // the edits, the overlap issue, the closing re-read
    const rows = await linkedTasks(integration.id);
    expect(rows[9]!.task.title).toBe('Renamed on GitHub');
    expect(rows[19]!.task.labels).toEqual(['bug', 'p1']);
  });
});
