import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createIntegration, listProjectIntegrations } from '@/db/queries/integrations';
import { getProject } from '@/db/queries/projects';
import { listProviderRows } from '@/db/queries/providers';
import { getTask, listTasks } from '@/db/queries/tasks';
import { externalTaskMappings, integrationLogs, tasks } from '@/db/schema';
import { bulkUpdateTasks } from '@/lib/actions/bulk-update-tasks';
import { createMilestone } from '@/lib/actions/create-milestone';
import { createTask } from '@/lib/actions/create-task';
import { deleteMilestone } from '@/lib/actions/delete-milestone';
import { deleteProject } from '@/lib/actions/delete-project';
import { deleteTasks } from '@/lib/actions/delete-tasks';
import { restoreTasks } from '@/lib/actions/restore-tasks';
import { updateMilestone } from '@/lib/actions/update-milestone';
import { updateProject } from '@/lib/actions/update-project';
import type { SessionUser } from '@/lib/auth/session';
import { addMember, createProject, createUser } from '../../helpers/factories';

// Who is calling, and which task edits were handed to the integration push (the path every edit takes).
const caller = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => caller.current }));
const pushes = vi.hoisted(() => [] as Array<{ taskId: string; changed: Record<string, unknown> }>);
// Task edits are local changes, handed to the fan-out after the commit (lib/changes): the edits are the `task.updated` ones.
vi.mock('@/lib/changes/dispatch-change', () => ({
  dispatchLocalChange: async (c: { kind: string; taskId: string; after: Record<string, unknown> }) => {
    if (c.kind === 'task.updated') pushes.push({ taskId: c.taskId, changed: c.after });
    return 'in-process';
  },
}));
const actAs = (u: SessionUser) => { caller.current = { id: u.id, email: u.email, name: u.name }; };
const ok = <T,>(r: { ok: true; data: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data;
};

async function setup() {
  const owner = await createUser('owner');
  const mate = await createUser('mate');
  const project = await createProject(owner.id);
  await addMember(project.id, mate.id);
  actAs(mate);
  const made = [];
  for (const title of ['one', 'two', 'three']) made.push(ok(await createTask({ projectId: project.id, title, labels: 'x' })));
  return { owner, mate, projectId: project.id, ids: made.map((t) => t.id) };
}

describe('bulk changes', () => {
  it('each task is changed through the single-edit path (one push scheduled per task)', async () => {
    const { mate, projectId, ids } = await setup();
    pushes.length = 0;
    expect(ok(await bulkUpdateTasks({ projectId, taskIds: ids, change: { kind: 'status', status: 'done' } })).updated).toEqual(ids);
    expect(pushes).toEqual(ids.map((taskId) => ({ taskId, changed: { status: 'done' } })));
    ok(await bulkUpdateTasks({ projectId, taskIds: ids.slice(0, 2), change: { kind: 'addLabels', labels: 'y, X' } }));
    ok(await bulkUpdateTasks({ projectId, taskIds: ids.slice(0, 1), change: { kind: 'assignee', userId: mate.id } }));
    const ms = ok(await createMilestone({ projectId, title: 'Beta' }));
    ok(await bulkUpdateTasks({ projectId, taskIds: ids, change: { kind: 'milestone', milestoneId: ms.id } }));
    const rows = await Promise.all(ids.map((id) => getTask(getDb(), projectId, id)));
    expect(rows.map((t) => [t!.status, t!.labels, t!.assigneeIds, t!.milestoneId])).toEqual([
      ['done', ['x', 'y'], [mate.id], ms.id], ['done', ['x', 'y'], [], ms.id], ['done', ['x'], [], ms.id],
    ]);
  });

  it('refuses strangers as assignees and tasks of another project, naming the field', async () => {
    const { projectId, ids } = await setup();
    const stranger = await createUser('stranger');
    const bad = await bulkUpdateTasks({ projectId, taskIds: ids, change: { kind: 'assignee', userId: stranger.id } });
    expect(bad.ok ? null : bad.error.fieldErrors).toHaveProperty('assigneeIds');
    const other = await setup();
    const foreign = await bulkUpdateTasks({ projectId, taskIds: other.ids, change: { kind: 'status', status: 'done' } });
    expect(foreign.ok ? null : foreign.error.code).toBe('not_found');
    const none = await bulkUpdateTasks({ projectId, taskIds: [], change: { kind: 'status', status: 'done' } });
    expect(none.ok ? null : none.error.fieldErrors).toHaveProperty('taskIds');
  });
});

describe('delete and undo', () => {
  it('soft-deletes (gone from lists and the task page), and restore brings them back', async () => {
    const { projectId, ids } = await setup();
    expect(ok(await deleteTasks({ projectId, taskIds: ids.slice(0, 2) })).deleted.sort()).toEqual(ids.slice(0, 2).sort());
    expect((await listTasks(getDb(), projectId)).map((t) => t.id)).toEqual([ids[2]]);
    expect(await getTask(getDb(), projectId, ids[0]!)).toBeUndefined();
    const [row] = await getDb().select().from(tasks).where(eq(tasks.id, ids[0]!));
    expect(row!.deletedAt).not.toBeNull();
    expect(ok(await restoreTasks({ projectId, taskIds: ids.slice(0, 2) })).restored.sort()).toEqual(ids.slice(0, 2).sort());
    expect(await listTasks(getDb(), projectId)).toHaveLength(3);
    const again = await restoreTasks({ projectId, taskIds: ids.slice(0, 1) });
    expect(again.ok ? null : again.error.code).toBe('not_found');
  });

  it("'close' cancels open linked tasks through the edit path (the push closes the issue); 'leave' changes nothing", async () => {
    const { owner, projectId, ids } = await setup();
    const db = getDb();
    const github = (await listProviderRows(db)).find((p) => p.providerType === 'github')!;
    const integration = await createIntegration(db, { projectId, providerRowId: github.id, createdBy: owner.id, settings: {} });
    await db.insert(externalTaskMappings).values(ids.slice(0, 2).map((taskId, i) => ({ taskId, integrationId: integration.id, externalId: `${i}`, externalKey: `o/r#${i}` })));
    pushes.length = 0;
    ok(await deleteTasks({ projectId, taskIds: [ids[0]!], external: 'leave' }));
    expect(pushes).toEqual([]);
    const res = ok(await deleteTasks({ projectId, taskIds: [ids[1]!, ids[2]!], external: 'close' }));
    expect(res.closed).toBe(1); // ids[2] is not linked
    expect(pushes).toEqual([{ taskId: ids[1], changed: { status: 'cancelled' } }]);
    const statuses = await db.select({ id: tasks.id, status: tasks.status }).from(tasks).where(eq(tasks.projectId, projectId));
    expect(new Map(statuses.map((s) => [s.id, s.status]))).toEqual(new Map([[ids[0], 'todo'], [ids[1], 'cancelled'], [ids[2], 'todo']]));
  });
});

describe('milestones', () => {
  it('names are unique per project ignoring case (create and rename)', async () => {
    const { projectId } = await setup();
    const beta = ok(await createMilestone({ projectId, title: 'Beta' }));
    const dup = await createMilestone({ projectId, title: ' beta ' });
    expect(dup.ok ? null : dup.error).toMatchObject({ code: 'conflict', fieldErrors: { title: expect.stringContaining('already exists') } });
    const ga = ok(await createMilestone({ projectId, title: 'GA' }));
    const rename = await updateMilestone({ projectId, milestoneId: ga.id, title: 'BETA' });
    expect(rename.ok ? null : rename.error.fieldErrors).toHaveProperty('title');
    expect(ok(await updateMilestone({ projectId, milestoneId: beta.id, title: 'beta' })).title).toBe('beta'); // own name, new case
    const other = await setup();
    ok(await createMilestone({ projectId: other.projectId, title: 'Beta' })); // another project may use it
  });

  it('delete: tasks lose the milestone and stay', async () => {
    const { projectId, ids } = await setup();
    const ms = ok(await createMilestone({ projectId, title: 'Beta' }));
    ok(await bulkUpdateTasks({ projectId, taskIds: ids, change: { kind: 'milestone', milestoneId: ms.id } }));
    ok(await deleteMilestone({ projectId, milestoneId: ms.id }));
    expect((await listTasks(getDb(), projectId)).map((t) => t.milestoneId)).toEqual([null, null, null]);
    const again = await deleteMilestone({ projectId, milestoneId: ms.id });
    expect(again.ok ? null : again.error.code).toBe('not_found');
  });
});

describe('project settings', () => {
  it('only the owner renames; delete needs the exact name and removes the integrations', async () => {
    const { owner, mate, projectId } = await setup();
    const denied = await updateProject({ projectId, name: 'New name' });
    expect(denied.ok ? null : denied.error.code).toBe('forbidden');
    actAs(owner);
    expect(ok(await updateProject({ projectId, name: '  Relaunch  ' })).name).toBe('Relaunch');
    const blank = await updateProject({ projectId, name: ' ' });
    expect(blank.ok ? null : blank.error.fieldErrors).toHaveProperty('name');
    const db = getDb();
    const github = (await listProviderRows(db)).find((p) => p.providerType === 'github')!;
    const integration = await createIntegration(db, { projectId, providerRowId: github.id, createdBy: owner.id, settings: {} });
    const wrong = await deleteProject({ projectId, confirmName: 'relaunch' });
    expect(wrong.ok ? null : wrong.error.fieldErrors).toHaveProperty('confirmName');
    actAs(mate);
    const byMember = await deleteProject({ projectId, confirmName: 'Relaunch' });
    expect(byMember.ok ? null : byMember.error.code).toBe('forbidden');
    actAs(owner);
    expect(ok(await deleteProject({ projectId, confirmName: 'Relaunch' }))).toEqual({ deleted: projectId, integrations: 1 });
    expect(await getProject(db, projectId)).toBeUndefined();
    expect(await listProjectIntegrations(db, projectId)).toEqual([]);
    const logs = await db.select().from(integrationLogs).where(eq(integrationLogs.providerId, github.id));
    expect(logs.some((l) => (l.details as { deletedIntegrationId?: string }).deletedIntegrationId === integration.id)).toBe(true);
  });
});
