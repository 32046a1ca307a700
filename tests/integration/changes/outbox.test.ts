import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { getTask } from '@/db/queries/tasks';
import { localChanges } from '@/db/schema';
import { applyTaskEdit } from '@/lib/actions/apply-task-edit';
import { bulkUpdateTasks } from '@/lib/actions/bulk-update-tasks';
import { createMilestone } from '@/lib/actions/create-milestone';
import { createTask } from '@/lib/actions/create-task';
import { deleteMilestone } from '@/lib/actions/delete-milestone';
import { deleteTasks } from '@/lib/actions/delete-tasks';
import { restoreTasks } from '@/lib/actions/restore-tasks';
import { updateMilestone } from '@/lib/actions/update-milestone';
import { updateTask } from '@/lib/actions/update-task';
import type { SessionUser } from '@/lib/auth/session';
import { projectWithTask } from './fixtures';

const caller = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => caller.current }));
// What was handed to the fan-out after each commit (the fan-out itself is tested in fan-out.test.ts).
const dispatched = vi.hoisted(() => [] as Array<{ id: string; kind: string }>);
vi.mock('@/lib/changes/dispatch-change', () => ({
  dispatchLocalChange: async (c: { id: string; kind: string }) => void dispatched.push(c),
}));
// A switch that makes the outbox insert fail, to show the edit goes down with it.
const outbox = vi.hoisted(() => ({ fail: false }));
vi.mock('@/db/queries/local-changes', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/queries/local-changes')>();
  return {
    ...real,
    insertLocalChange: (...args: Parameters<typeof real.insertLocalChange>) => {
      if (outbox.fail) throw new Error('outbox insert failed');
      return real.insertLocalChange(...args);
    },
  };
});

const ok = <T,>(r: { ok: true; data: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data;
};
const rowsOf = (column: typeof localChanges.taskId | typeof localChanges.milestoneId, id: string) =>
  getDb().select().from(localChanges).where(eq(column, id)).orderBy(localChanges.occurredAt);

async function signedInProject() {
  const setup = await projectWithTask();
  caller.current = { id: setup.owner.id, email: setup.owner.email, name: setup.owner.name };
  dispatched.length = 0;
  return setup;
}

describe('local changes: one outbox row per committed change', () => {
  it('a task edit writes exactly one row with the changed fields, their values and the actor, then dispatches it', async () => {
    const { owner, projectId, task } = await signedInProject();
    ok(await updateTask({ projectId, taskId: task.id, title: 'One', priority: 'urgent', dueDate: '2027-03-01' }));
    const rows = await rowsOf(localChanges.taskId, task.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'task.updated', projectId, fields: ['priority', 'dueDate'], status: 'pending', attempts: 0,
      before: { priority: 'medium', dueDate: null }, after: { priority: 'urgent', dueDate: '2027-03-01' },
      actorUserId: owner.id, originIntegrationId: null, doneTargets: [],
    });
    expect(dispatched.map((c) => c.id)).toEqual([rows[0]!.id]);
    // Nothing changed: no change recorded.
    ok(await updateTask({ projectId, taskId: task.id, priority: 'urgent' }));
    expect(await rowsOf(localChanges.taskId, task.id)).toHaveLength(1);
  });

  it('a rolled-back edit writes none, and an outbox write that fails takes the edit down with it', async () => {
    const { owner, projectId, task } = await signedInProject();
    const db = getDb();
    await expect(db.transaction(async (tx) => {
      await applyTaskEdit(tx, projectId, task.id, { title: 'Rolled back' }, { actorUserId: owner.id });
      throw new Error('abort');
    })).rejects.toThrow('abort');
    outbox.fail = true;
    try {
      const res = await updateTask({ projectId, taskId: task.id, title: 'Never saved' });
      expect(res.ok).toBe(false);
    } finally {
      outbox.fail = false;
    }
    expect((await getTask(db, projectId, task.id))!.title).toBe('One');
    expect(await rowsOf(localChanges.taskId, task.id)).toEqual([]);
  });

  it('create (quick add), bulk update, soft delete, undo and milestones each record their change', async () => {
    const { owner, projectId, task } = await signedInProject();
    const made = ok(await createTask({ projectId, title: 'Quick', labels: '' }));
    ok(await bulkUpdateTasks({ projectId, taskIds: [task.id, made.id], change: { kind: 'status', status: 'done' } }));
    ok(await deleteTasks({ projectId, taskIds: [made.id] }));
    ok(await restoreTasks({ projectId, taskIds: [made.id] }));
    expect((await rowsOf(localChanges.taskId, made.id)).map((r) => [r.kind, r.fields])).toEqual([
      ['task.created', ['title', 'description', 'status', 'priority', 'labels', 'assigneeIds', 'dueDate', 'milestoneId']],
      ['task.updated', ['status']], ['task.deleted', []], ['task.restored', []],
    ]);
    expect((await rowsOf(localChanges.taskId, task.id)).map((r) => r.kind)).toEqual(['task.updated']);
    const ms = ok(await createMilestone({ projectId, title: 'Beta' }));
    ok(await updateMilestone({ projectId, milestoneId: ms.id, title: 'Beta', dueDate: '2027-01-01' }));
    const dup = await createMilestone({ projectId, title: 'beta' });
    expect(dup.ok).toBe(false);
    ok(await deleteMilestone({ projectId, milestoneId: ms.id }));
    const msRows = await rowsOf(localChanges.milestoneId, ms.id);
    expect(msRows.map((r) => [r.kind, r.fields, r.actorUserId])).toEqual([
      ['milestone.created', ['title', 'description', 'dueDate'], owner.id],
      ['milestone.updated', ['dueDate'], owner.id],
      ['milestone.deleted', [], owner.id],
    ]);
    expect(msRows[2]!.before).toMatchObject({ title: 'Beta', dueDate: '2027-01-01' });
    expect(dispatched).toHaveLength(8);
  });
});
