import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { localChanges } from '@/db/schema';
import { localChangeFanOut } from '@/inngest/functions/local-change-fan-out';
import { fanOutChange } from '@/lib/changes/fan-out';
import { sweepLocalChanges } from '@/lib/changes/sweep';
import { taskSyncTarget } from '@/lib/changes/targets/task-sync';
import { loadCapability } from '@/lib/integrations/registry';
import { swapCapability } from '@/tests/helpers/swap-capability';
import type { TaskSyncCapability } from '@/lib/integrations/types';
import { pushTask } from '@/lib/sync/engine/task-ops';
import { changeRow, linkedIntegration, projectWithTask, recordChange, spyTarget } from './fixtures';

// The engine's push is replaced by a spy: which integrations a task edit reached.
vi.mock('@/lib/sync/engine/task-ops', async (original) => ({ ...(await original<object>()), pushTask: vi.fn() }));

const realTaskSync = (await loadCapability('github', 'taskSync'))!;
let restore = () => {};
afterEach(() => {
  restore();
  vi.mocked(pushTask).mockReset();
});

function spyPush() {
  const reached: string[] = [];
  vi.mocked(pushTask).mockImplementation(async (ctx) => {
    reached.push(ctx.integration.id);
    return { pushed: [], pulled: [], conflicts: 0 };
  });
  return reached;
}

describe('fan-out of local changes', () => {
  it('runs each target once per change, even when dispatched twice (one after the other or at once)', async () => {
    const { projectId, task } = await projectWithTask();
    const a = spyTarget('a');
    const first = await recordChange(projectId, task.id);
    expect(await fanOutChange(getDb(), first.id, { targets: [a] })).toEqual({ outcome: 'done', ran: ['a'] });
    expect(await fanOutChange(getDb(), first.id, { targets: [a] })).toEqual({ outcome: 'skipped' });
    const second = await recordChange(projectId, task.id);
    const both = await Promise.all([fanOutChange(getDb(), second.id, { targets: [a] }), fanOutChange(getDb(), second.id, { targets: [a] })]);
    expect(both.map((o) => o.outcome).sort()).toEqual(['done', 'skipped']);
    expect(a.seen.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(await changeRow(second.id)).toMatchObject({ status: 'done', attempts: 1, doneTargets: ['a'], leaseUntil: null });
  });

  it('a failing target is retried later with backoff; a target that succeeded is not run again', async () => {
    const { projectId, task } = await projectWithTask();
    const good = spyTarget('good');
    const flaky = spyTarget('flaky');
    flaky.failing = true;
    const change = await recordChange(projectId, task.id);
    const t0 = new Date();
    const first = await fanOutChange(getDb(), change.id, { targets: [good, flaky], now: () => t0 });
    expect(first).toMatchObject({ outcome: 'retry', ran: ['good'], failed: ['flaky'] });
    const row = await changeRow(change.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, doneTargets: ['good'], lastError: expect.stringContaining('flaky') });
    expect(row.nextAttemptAt.getTime() - t0.getTime()).toBe(30_000);
    // Not due yet: nothing runs.
    expect(await fanOutChange(getDb(), change.id, { targets: [good, flaky], now: () => t0 })).toEqual({ outcome: 'skipped' });
    flaky.failing = false;
    const later = new Date(t0.getTime() + 31_000);
    expect(await fanOutChange(getDb(), change.id, { targets: [good, flaky], now: () => later })).toEqual({ outcome: 'done', ran: ['flaky'] });
    expect(good.seen).toHaveLength(1);
    expect(flaky.seen).toHaveLength(2);
    expect(await changeRow(change.id)).toMatchObject({ status: 'done', attempts: 2, doneTargets: ['good', 'flaky'], lastError: null });
  });

  it('an origin-tagged change is pushed to every linked integration but its origin', async () => {
    const { owner, projectId, task } = await projectWithTask();
    const origin = await linkedIntegration(projectId, owner.id, task.id, 1);
    const other = await linkedIntegration(projectId, owner.id, task.id, 2);
    const reached = spyPush();
    const fromGithub = await recordChange(projectId, task.id, { originIntegrationId: origin.id });
    expect(await fanOutChange(getDb(), fromGithub.id, { targets: [taskSyncTarget] })).toMatchObject({ outcome: 'done' });
    expect(reached).toEqual([other.id]);
    const fromApp = await recordChange(projectId, task.id);
    await fanOutChange(getDb(), fromApp.id, { targets: [taskSyncTarget] });
    expect(reached.slice(1).sort()).toEqual([origin.id, other.id].sort());
  });

  it('routes by the fields a provider syncs: priority and due date reach a provider that has them, not one that lacks them', async () => {
    const { owner, projectId, task } = await projectWithTask();
    const linked = await linkedIntegration(projectId, owner.id, task.id, 1);
    const reached = spyPush();
    const edit = async (fields: string[]) => {
      const change = await recordChange(projectId, task.id, { fields });
      await fanOutChange(getDb(), change.id, { targets: [taskSyncTarget] });
      return reached.splice(0).length;
    };
    restore = swapCapability('github', 'taskSync', { ...realTaskSync, taskFields: ['priority', 'dueDate'] } as TaskSyncCapability);
    expect([await edit(['priority']), await edit(['dueDate']), await edit(['title'])]).toEqual([1, 1, 0]);
    restore();
    restore = swapCapability('github', 'taskSync', { ...realTaskSync, taskFields: ['title', 'milestoneId'] } as TaskSyncCapability);
    expect([await edit(['priority', 'dueDate']), await edit(['milestoneId']), await edit(['title', 'priority'])]).toEqual([0, 1, 1]);
    expect(linked.id).toBeTruthy();
  });

  it('a failed push leaves the taskSync target to be retried', async () => {
    const { owner, projectId, task } = await projectWithTask();
    await linkedIntegration(projectId, owner.id, task.id, 1);
    vi.mocked(pushTask).mockRejectedValue(new Error('GitHub is down'));
    const change = await recordChange(projectId, task.id);
    expect(await fanOutChange(getDb(), change.id, { targets: [taskSyncTarget] })).toMatchObject({ outcome: 'retry', failed: ['taskSync'] });
  });

  it('the sweep re-dispatches a change left pending (and a lapsed claim), not one its own dispatch is about to take', async () => {
    const { projectId, task } = await projectWithTask();
    const db = getDb();
    const fresh = await recordChange(projectId, task.id);
    const lost = await recordChange(projectId, task.id);
    const crashed = await recordChange(projectId, task.id);
    const past = new Date(Date.now() - 5 * 60_000);
    await db.update(localChanges).set({ nextAttemptAt: past }).where(eq(localChanges.id, lost.id));
    await db.update(localChanges).set({ status: 'running', attempts: 1, leaseUntil: past }).where(eq(localChanges.id, crashed.id));
    expect(await sweepLocalChanges(db)).toBeGreaterThanOrEqual(2);
    // In-process mode: the fan-out runs right away in this process (no request scope).
    await vi.waitFor(async () => {
      expect((await changeRow(lost.id)).status).toBe('done');
      expect((await changeRow(crashed.id)).status).toBe('done');
    });
    expect((await changeRow(fresh.id)).status).toBe('pending');
  });

  it('Inngest: local-change-fan-out fans the change out once; a second run is skipped', async () => {
    const { projectId, task } = await projectWithTask();
    const change = await recordChange(projectId, task.id);
    const engine = () => new InngestTestEngine({
      function: localChangeFanOut,
      events: [{ name: 'taskbridge/local.changed', data: { changeId: change.id, projectId } }],
    });
    expect((await engine().execute()).result).toMatchObject({ outcome: 'done' });
    expect((await engine().execute()).result).toEqual({ outcome: 'skipped' });
  });
});
