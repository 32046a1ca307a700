import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncRuns } from '@/db/schema';
import { syncIntegration } from '@/inngest/functions/sync-integration';
import { inlineSteps, type Steps } from '@/lib/jobs/steps';
import { syncLoop } from '@/lib/sync/sync-loop';
import { loadForSync } from '@/lib/sync/sync-page-step';
import { createGithubIntegration, linkedTasks, startFakeForTests } from '../github/github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

/** Inline steps that also note the name of every step and sleep, in order. */
function recordingSteps(sleeps: number[] = []) {
  const names: string[] = [];
  const inner = inlineSteps(async (ms) => void sleeps.push(ms));
  const steps: Steps = {
    run: (name, fn) => (names.push(name), inner.run(name, fn)),
    sleepUntil: (name, until) => (names.push(name), inner.sleepUntil(name, until)),
  };
  return { steps, names, sleeps };
}

const rateLimited = () => ({ status: 429 as const, retryAfter: 30, match: (m: string, p: string) => m === 'GET' && p.endsWith('/issues') });

describe('the sync loop, written once (lib/sync/sync-loop.ts)', () => {
  it('in process and under Inngest it takes the same steps: pages, a pause for the rate limit, push-pending, finish', async () => {
    const inProcess = await createGithubIntegration(fake, { issues: 20 });
    fake.faults.push(rateLimited());
    const { steps, names, sleeps } = recordingSteps();
    const loaded = await loadForSync(inProcess.db, inProcess.integration.id);
    const result = await syncLoop(steps, {
      db: inProcess.db, integrationId: inProcess.integration.id, trigger: 'manual', load: async () => loaded!,
    });
    expect(result).toMatchObject({ status: 'success', created: 20 });
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(20_000);
    expect(await linkedTasks(inProcess.integration.id)).toHaveLength(20);

    const viaInngest = await createGithubIntegration(fake, { issues: 20 });
    fake.faults.push(rateLimited());
    const engine = new InngestTestEngine({
      function: syncIntegration,
      events: [{ name: 'integration/sync.requested', data: { integrationId: viaInngest.integration.id, reason: 'manual' } }],
      steps: [{ id: 'wait-0', handler: () => null }],
    });
    const { result: inngestResult, ctx } = await engine.execute();
    expect(inngestResult).toMatchObject({ status: 'success', created: 20 });
    const calls = (fn: unknown) => (fn as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(new Set([...calls(ctx.step.run), ...calls(ctx.step.sleepUntil)])).toEqual(new Set(names));
    expect(names).toEqual(['start', 'page-0', 'pause-0', 'wait-0', 'resume-0', 'page-1', 'page-2', 'push-pending', 'finish']);
  });

  it('a run taken over while it slept (closed as interrupted) stops instead of resuming', async () => {
    const { db, integration } = await createGithubIntegration(fake, { issues: 5 });
    fake.faults.push(rateLimited());
    const names: string[] = [];
    const inner = inlineSteps();
    const steps: Steps = {
      run: (name, fn) => (names.push(name), inner.run(name, fn)),
      // While it waits, another run takes over: this one is closed as interrupted.
      sleepUntil: async (name) => {
        names.push(name);
        await db.update(syncRuns).set({ status: 'interrupted' }).where(eq(syncRuns.integrationId, integration.id));
      },
    };
    const loaded = await loadForSync(db, integration.id);
    const result = await syncLoop(steps, { db, integrationId: integration.id, trigger: 'manual', load: async () => loaded! });
    expect(result).toEqual({ status: 'taken-over' });
    expect(names).toEqual(['start', 'page-0', 'pause-0', 'wait-0', 'resume-0']);
  });

  it('stops at maxPages and says the next run continues', async () => {
    const { db, integration } = await createGithubIntegration(fake, { issues: 210 });
    const loaded = await loadForSync(db, integration.id);
    const { steps, names } = recordingSteps();
    const result = await syncLoop(steps, { db, integrationId: integration.id, trigger: 'schedule', maxPages: 1, load: async () => loaded! });
    expect(result).toMatchObject({ status: 'success', pages: 1, continues: true });
    expect(names).toEqual(['start', 'page-0', 'finish']);
  });
});
