import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntegrationById } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { previewSync } from '@/lib/sync/engine/preview';
import { runSync } from '@/lib/sync/run-sync';
import { getLatestSyncRun } from '@/db/queries/sync-runs';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

describe('Preview sync (dry run)', () => {
  it('before the first sync: counts the imports and writes nothing; the sync then does exactly that', async () => {
    const { db, integration } = await createGithubIntegration(fake, { issues: 7 });
    const preview = await previewSync(db, (await getIntegrationById(db, integration.id))!);
    expect(preview).toMatchObject({ creates: 7, updates: 0, closes: 0, unlinks: 0, linked: 0 });
    expect(preview.samples.creates).toHaveLength(5);
    expect(await linkedTasks(integration.id)).toHaveLength(0);
    await runSync(db, integration.id);
    expect(await getLatestSyncRun(db, integration.id)).toMatchObject({ status: 'success', created: 7, updated: 0 });
  });

  it('after changes on GitHub: creates, updates with their field changes, closes — equal to what the next sync does', async () => {
    const { db, integration, repoName } = await createGithubIntegration(fake, { issues: 6 });
    await runSync(db, integration.id);
    fake.editIssue(repoName, 1, { title: 'Renamed on GitHub' });
    fake.editIssue(repoName, 2, { state: 'closed', state_reason: 'completed' });
    fake.editIssue(repoName, 3, { state: 'closed', state_reason: 'completed' });
    fake.createIssue(repoName, { title: 'New one' });
    fake.createIssue(repoName, { title: 'New two' });
    const [{ syncCursor: cursorBefore }] = await db.select({ syncCursor: projectIntegrations.syncCursor }).from(projectIntegrations).where(eq(projectIntegrations.id, integration.id)) as [{ syncCursor: unknown }];
    const tasksBefore = await linkedTasks(integration.id);

    const preview = await previewSync(db, (await getIntegrationById(db, integration.id))!);
    expect(preview).toMatchObject({ creates: 2, updates: 1, closes: 2, unlinks: 0, linked: 6 });
    expect(preview.samples.updates[0]).toMatchObject({ title: 'Renamed on GitHub', changes: [{ field: 'title', to: 'Renamed on GitHub' }] });
    expect(preview.samples.closes.map((c) => c.key).sort()).toEqual([`${repoName}#2`, `${repoName}#3`]);
    // nothing written
    expect(await linkedTasks(integration.id)).toEqual(tasksBefore);
    const [{ syncCursor: cursorAfter }] = await db.select({ syncCursor: projectIntegrations.syncCursor }).from(projectIntegrations).where(eq(projectIntegrations.id, integration.id)) as [{ syncCursor: unknown }];
    expect(cursorAfter).toEqual(cursorBefore);

    await runSync(db, integration.id);
    const run = await getLatestSyncRun(db, integration.id);
    expect(run).toMatchObject({ status: 'success', created: preview.creates, updated: preview.updates + preview.closes });
    const closed = (await linkedTasks(integration.id)).filter((r) => r.task.status === 'done');
    expect(closed).toHaveLength(preview.closes);
  });
});
