import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectIntegrations, syncRuns } from '@/db/schema';
import { syncIntegration } from '@/inngest/functions/sync-integration';
import { syncSchedule } from '@/inngest/functions/sync-schedule';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

const engineFor = (integrationId: string) =>
  new InngestTestEngine({
    function: syncIntegration,
    events: [{ name: 'integration/sync.requested', data: { integrationId, reason: 'manual' } }],
    // the sleep is Inngest's to keep; here it returns at once
    steps: [{ id: 'wait-0', handler: () => null }],
  });

describe('Inngest sync functions (InngestTestEngine)', () => {
  it('sync-integration: one step per page, then finish', async () => {
    const { db, integration } = await createGithubIntegration(fake, { issues: 210 });
    const { result, ctx } = await engineFor(integration.id).execute();
    expect(result).toMatchObject({ status: 'success', created: 210 });
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(['start', 'page-0', 'page-1', 'page-2', 'page-3', 'push-pending', 'finish']);
    expect(await linkedTasks(integration.id)).toHaveLength(210);
    const [row] = await db.select().from(projectIntegrations).where(eq(projectIntegrations.id, integration.id));
    expect(row!.syncStatus).toBe('success');
  });

  it('sync-integration: a rate limit sleeps until the reset, then completes', async () => {
    const { db, integration } = await createGithubIntegration(fake, { issues: 20 });
    fake.faults.push({ status: 429, retryAfter: 30, match: (m, p) => m === 'GET' && p.endsWith('/issues') });
    const { result, ctx } = await engineFor(integration.id).execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledTimes(1);
    const [id, until] = (ctx.step.sleepUntil as unknown as { mock: { calls: [string, Date][] } }).mock.calls[0]!;
    expect(id).toBe('wait-0');
    expect(new Date(until).getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(result).toMatchObject({ status: 'success', created: 20 });
    const [run] = await db.select().from(syncRuns).where(eq(syncRuns.integrationId, integration.id));
    expect(run).toMatchObject({ status: 'success', resumeAt: null });
  });

  it('sync-schedule: fans out one sync event per integration that needs a sync', async () => {
    const due = await createGithubIntegration(fake);
    const recent = await createGithubIntegration(fake);
    await recent.db.update(projectIntegrations).set({ lastSyncAt: new Date() }).where(eq(projectIntegrations.id, recent.integration.id));
    // a sync whose process died two hours ago is queued again; one that is running now is not
    const lost = await createGithubIntegration(fake);
    await lost.db.update(projectIntegrations).set({ syncStatus: 'syncing', lastSyncAt: new Date(), updatedAt: new Date(Date.now() - 2 * 3600_000) }).where(eq(projectIntegrations.id, lost.integration.id));
    const running = await createGithubIntegration(fake);
    await running.db.update(projectIntegrations).set({ syncStatus: 'syncing', updatedAt: new Date() }).where(eq(projectIntegrations.id, running.integration.id));
    const engine = new InngestTestEngine({ function: syncSchedule, steps: [{ id: 'fan-out', handler: () => ({ ids: [] }) }] });
    const { result, ctx } = await engine.execute();
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: [string, { data: { integrationId: string } }[]][] } }).mock.calls[0]![1];
    const ids = sent.map((e) => e.data.integrationId);
    expect(ids).toContain(due.integration.id);
    expect(ids).not.toContain(recent.integration.id);
    expect(ids).toContain(lost.integration.id);
    expect(ids).not.toContain(running.integration.id);
    expect(result).toMatchObject({ queued: ids.length });
    const [row] = await due.db.select().from(projectIntegrations).where(eq(projectIntegrations.id, due.integration.id));
    expect(row!.syncStatus).toBe('queued');
  });
});
