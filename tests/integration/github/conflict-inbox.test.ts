import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConflicts } from '@/db/queries/conflicts';
import { healthFigures } from '@/db/queries/health-figures';
import { tasks, taskSyncEvents } from '@/db/schema';
import { resolveConflict } from '@/lib/sync/engine/resolve-conflict';
import { runSync } from '@/lib/sync/run-sync';
import { getLatestSyncRun } from '@/db/queries/sync-runs';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

async function setupAsk() {
  const fx = await createGithubIntegration(fake, { issues: 3, settings: { conflictPolicy: 'ask' } });
  await runSync(fx.db, fx.integration.id);
  return fx;
}

describe('conflict inbox ("ask me" policy)', () => {
  it('holds a field changed on both sides, keeps syncing the others, and settles with the app value on both sides', async () => {
    const { db, repoName, integration, project, owner } = await setupAsk();
    const row = (await linkedTasks(integration.id))[0]!;
    await db.update(tasks).set({ title: 'App title', updatedAt: new Date() }).where(eq(tasks.id, row.task.id));
    fake.editIssue(repoName, 1, { title: 'GitHub title', body: 'GitHub body' });
    await runSync(db, integration.id);

    // held: neither side overwritten, the other field still synced
    let after = (await linkedTasks(integration.id))[0]!;
    expect(after.task).toMatchObject({ title: 'App title', description: 'GitHub body' });
    expect(fake.issue(repoName, 1).title).toBe('GitHub title');
    let open = await listConflicts(db, project.id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ field: 'title', appValue: 'App title', providerValue: 'GitHub title', base: row.task.title });
    expect((await healthFigures(db, [integration.id])).get(integration.id)!.openConflicts).toBe(1);

    // still held on the next sync; a later divergence updates the same open row
    fake.editIssue(repoName, 1, { title: 'GitHub title 2' });
    await runSync(db, integration.id);
    open = await listConflicts(db, project.id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ appValue: 'App title', providerValue: 'GitHub title 2' });
    expect((await linkedTasks(integration.id))[0]!.task.title).toBe('App title');

    await resolveConflict(db, { projectId: project.id, conflictId: open[0]!.id, userId: owner.id, choice: 'app' });
    expect(fake.issue(repoName, 1).title).toBe('App title');
    after = (await linkedTasks(integration.id))[0]!;
    expect(after.task.title).toBe('App title');
    expect(after.mapping.snapshot).toMatchObject({ title: 'App title' });
    expect(await listConflicts(db, project.id, 'open')).toHaveLength(0);
    const history = await listConflicts(db, project.id, 'resolved');
    expect(history[0]).toMatchObject({ field: 'title', chosen: 'app', resolvedValue: 'App title', resolvedBy: owner.id });
    const timeline = await db.select().from(taskSyncEvents).where(eq(taskSyncEvents.taskId, row.task.id));
    expect(timeline.some((e) => e.kind === 'conflict' && (e.details as { outcome?: string }).outcome === 'resolved')).toBe(true);
    expect((await healthFigures(db, [integration.id])).get(integration.id)!.openConflicts).toBe(0);

    // a later sync changes nothing more
    const before = fake.requests.length;
    await runSync(db, integration.id);
    expect(await getLatestSyncRun(db, integration.id)).toMatchObject({ status: 'success', updated: 0, created: 0, conflicts: 0 });
    expect(fake.requests.slice(before).filter((r) => r.method === 'PATCH')).toHaveLength(0);
    expect((await linkedTasks(integration.id))[0]!.task.title).toBe('App title');
  });

  it('an open conflict the sync settles itself (GitHub went back to the agreed value) closes on its own', async () => {
    const { db, repoName, integration, project } = await setupAsk();
    const row = (await linkedTasks(integration.id))[0]!;
    await db.update(tasks).set({ title: 'App only', updatedAt: new Date() }).where(eq(tasks.id, row.task.id));
    fake.editIssue(repoName, 1, { title: 'GitHub only' });
    await runSync(db, integration.id);
    expect(await listConflicts(db, project.id, 'open')).toHaveLength(1);
    fake.editIssue(repoName, 1, { title: row.task.title });
    await runSync(db, integration.id);
    expect(fake.issue(repoName, 1).title).toBe('App only');
    expect(await listConflicts(db, project.id, 'open')).toHaveLength(0);
    expect((await listConflicts(db, project.id, 'resolved'))[0]).toMatchObject({ field: 'title', chosen: 'sync' });
  });

  it('settles with the provider value, or an edited value, on both sides', async () => {
    const { db, repoName, integration, project, owner } = await setupAsk();
    const rows = await linkedTasks(integration.id);
    await db.update(tasks).set({ title: 'App A', updatedAt: new Date() }).where(eq(tasks.id, rows[0]!.task.id));
    await db.update(tasks).set({ title: 'App B', updatedAt: new Date() }).where(eq(tasks.id, rows[1]!.task.id));
    fake.editIssue(repoName, 1, { title: 'GH A' });
    fake.editIssue(repoName, 2, { title: 'GH B' });
    await runSync(db, integration.id);
    const open = await listConflicts(db, project.id, 'open');
    expect(open).toHaveLength(2);
    const a = open.find((c) => c.providerValue === 'GH A')!;
    const b = open.find((c) => c.providerValue === 'GH B')!;
    await resolveConflict(db, { projectId: project.id, conflictId: a.id, userId: owner.id, choice: 'provider' });
    await resolveConflict(db, { projectId: project.id, conflictId: b.id, userId: owner.id, choice: 'edit', value: 'Both agree' });
    const after = await linkedTasks(integration.id);
    expect([after[0]!.task.title, fake.issue(repoName, 1).title]).toEqual(['GH A', 'GH A']);
    expect([after[1]!.task.title, fake.issue(repoName, 2).title]).toEqual(['Both agree', 'Both agree']);
    await expect(resolveConflict(db, { projectId: project.id, conflictId: a.id, userId: owner.id, choice: 'app' })).rejects.toThrow(/not open/);
    await runSync(db, integration.id);
    expect(await getLatestSyncRun(db, integration.id)).toMatchObject({ status: 'success', updated: 0, conflicts: 0 });
  });
});
