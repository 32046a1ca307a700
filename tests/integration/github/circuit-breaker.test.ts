import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntegrationById } from '@/db/queries/integrations';
import { alerts, syncRuns } from '@/db/schema';
import { decideSafetyHold } from '@/lib/sync/decide-safety-hold';
import { runSync } from '@/lib/sync/run-sync';
import { openSafetyHold } from '@/lib/sync/safety-holds';
import { getLatestSyncRun } from '@/db/queries/sync-runs';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

async function closeAll(repoName: string, n: number) {
  for (let i = 1; i <= n; i++) fake.editIssue(repoName, i, { state: 'closed', state_reason: 'completed' });
}

const openAlerts = (db: Awaited<ReturnType<typeof createGithubIntegration>>['db'], integrationId: string) =>
  db.select().from(alerts).where(and(eq(alerts.integrationId, integrationId), eq(alerts.cause, 'breaker_tripped')));

async function waitForRun(db: Awaited<ReturnType<typeof createGithubIntegration>>['db'], integrationId: string, status: string) {
  for (let i = 0; i < 200; i++) {
    const run = await getLatestSyncRun(db, integrationId);
    if (run?.status === status) return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${status} run`);
}

describe('circuit breaker', () => {
  it('a repository whose issues are all closed at once pauses the sync before writing; confirm runs it once', async () => {
    const { db, integration, repoName, owner } = await createGithubIntegration(fake, { issues: 130 });
    await runSync(db, integration.id);
    expect(await linkedTasks(integration.id)).toHaveLength(130);
    await closeAll(repoName, 130);
    await runSync(db, integration.id);

    const run = await getLatestSyncRun(db, integration.id);
    expect(run).toMatchObject({ status: 'held', error: 'Paused by the safety check: would close 130 of 130 linked tasks' });
    expect((await linkedTasks(integration.id)).every((r) => r.task.status === 'todo')).toBe(true);
    const hold = await openSafetyHold(db, integration.id);
    expect(hold).toMatchObject({ closes: 130, linked: 130, threshold: 50 });
    expect((await openAlerts(db, integration.id)).filter((a) => !a.resolvedAt)).toHaveLength(1);

    // a scheduled retry is held again, not written, and the owner's hold stays the same one
    await runSync(db, integration.id);
    expect((await openSafetyHold(db, integration.id))!.id).toBe(hold!.id);
    expect(await getLatestSyncRun(db, integration.id)).toMatchObject({ status: 'held' });
    expect((await linkedTasks(integration.id)).every((r) => r.task.status === 'todo')).toBe(true);

    const current = (await openSafetyHold(db, integration.id))!;
    await decideSafetyHold(db, (await getIntegrationById(db, integration.id))!, { holdId: current.id, decision: 'confirm', userId: owner.id });
    expect((await openAlerts(db, integration.id)).every((a) => a.resolvedAt)).toBe(true);
    await waitForRun(db, integration.id, 'success');
    expect((await linkedTasks(integration.id)).every((r) => r.task.status === 'done')).toBe(true);
    expect(await openSafetyHold(db, integration.id)).toBeNull();
  });

  it('cancel drops the held sync; a per-integration threshold above the closes lets it through', async () => {
    const { db, integration, repoName, owner } = await createGithubIntegration(fake, { issues: 60 });
    await runSync(db, integration.id);
    await closeAll(repoName, 60);
    await runSync(db, integration.id);
    const hold = (await openSafetyHold(db, integration.id))!;
    expect(hold).toMatchObject({ closes: 60, linked: 60, threshold: 50 });
    await decideSafetyHold(db, (await getIntegrationById(db, integration.id))!, { holdId: hold.id, decision: 'cancel', userId: owner.id });
    expect(await openSafetyHold(db, integration.id)).toBeNull();
    expect((await openAlerts(db, integration.id)).every((a) => a.resolvedAt)).toBe(true);
    expect((await linkedTasks(integration.id)).every((r) => r.task.status === 'todo')).toBe(true);

    const other = await createGithubIntegration(fake, { issues: 60, settings: { safetyThreshold: 100 } });
    await runSync(other.db, other.integration.id);
    await closeAll(other.repoName, 60);
    await runSync(other.db, other.integration.id);
    expect(await getLatestSyncRun(other.db, other.integration.id)).toMatchObject({ status: 'success', updated: 60 });
    const runs = await db.select().from(syncRuns).where(eq(syncRuns.integrationId, other.integration.id));
    expect(runs.some((r) => r.status === 'held')).toBe(false);
  });
});
