import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntegrationById } from '@/db/queries/integrations';
import { milestones, tasks } from '@/db/schema';
import { loadConnection } from '@/lib/integrations/connection';
import { exportTask } from '@/lib/sync/engine/task-ops';
import { pushTaskChanges } from '@/lib/sync/push-task-changes';
import { runSync } from '@/lib/sync/run-sync';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

describe('GitHub milestones, both ways', () => {
  it('a local milestone edit reaches the issue, creating the GitHub milestone once; an imported one is reused', async () => {
    const { db, project, integration, repoName } = await createGithubIntegration(fake, { issues: 7 });
    await runSync(db, integration.id);
    const rows = await linkedTasks(integration.id);
    const seven = rows.find((r) => r.mapping.externalKey!.endsWith('#7'))!; // carries GitHub's "v1.0"
    const one = rows.find((r) => r.mapping.externalKey!.endsWith('#1'))!;
    const [sprint] = await db.insert(milestones).values({ projectId: project.id, title: 'Sprint 9', dueDate: '2026-05-01' }).returning();
    await db.update(tasks).set({ milestoneId: sprint!.id, updatedAt: new Date() }).where(eq(tasks.id, one.task.id));
    expect(await pushTaskChanges(db, one.task.id)).toMatchObject([{ ok: true, pushed: ['milestone'] }]);
    const created = fake.repos.get(repoName)!.milestones;
    expect(created).toEqual([expect.objectContaining({ title: 'Sprint 9', due_on: '2026-05-01T00:00:00Z' })]);
    expect(fake.issue(repoName, 1).milestone).toMatchObject({ title: 'Sprint 9' });
    // Moving a second task to the same milestone reuses it; moving one to GitHub's own "v1.0" sends its number.
    const two = rows.find((r) => r.mapping.externalKey!.endsWith('#2'))!;
    await db.update(tasks).set({ milestoneId: sprint!.id, updatedAt: new Date() }).where(eq(tasks.id, two.task.id));
    await db.update(tasks).set({ milestoneId: seven.task.milestoneId, updatedAt: new Date() }).where(eq(tasks.id, one.task.id));
    await pushTaskChanges(db, two.task.id);
    await pushTaskChanges(db, one.task.id);
    expect(fake.repos.get(repoName)!.milestones).toHaveLength(1);
    expect(fake.issue(repoName, 2).milestone).toMatchObject({ title: 'Sprint 9' });
    expect(fake.issue(repoName, 1).milestone).toMatchObject({ title: 'v1.0' });
    // No echo: the next sync changes nothing and writes nothing.
    const before = fake.requests.length;
    await runSync(db, integration.id);
    expect(fake.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    expect((await linkedTasks(integration.id)).find((r) => r.task.id === one.task.id)!.task.milestoneId).toBe(seven.task.milestoneId);
  });

  it('an exported task carries its milestone; priority and due date stay local', async () => {
    const { db, project, integration, repoName } = await createGithubIntegration(fake);
    const [ms] = await db.insert(milestones).values({ projectId: project.id, title: 'Launch' }).returning();
    const [task] = await db.insert(tasks).values({ projectId: project.id, title: 'Ship it', milestoneId: ms!.id, priority: 'urgent', dueDate: '2026-06-01' }).returning();
    const fresh = (await getIntegrationById(db, integration.id))!;
    await exportTask({ db, integration: fresh, connection: await loadConnection(fresh), taskId: task!.id });
    expect(fake.issue(repoName, 1).milestone).toMatchObject({ title: 'Launch' });
    await db.update(tasks).set({ priority: 'low', dueDate: null, updatedAt: new Date() }).where(eq(tasks.id, task!.id));
    expect(await pushTaskChanges(db, task!.id)).toMatchObject([{ ok: true, pushed: [] }]);
  });
});
