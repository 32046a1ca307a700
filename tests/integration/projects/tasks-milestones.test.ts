import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listMilestones } from '@/db/queries/milestones';
import { getTask, listTasks } from '@/db/queries/tasks';
import { createMilestone } from '@/lib/actions/create-milestone';
import { createTask } from '@/lib/actions/create-task';
import { updateMilestone } from '@/lib/actions/update-milestone';
import { updateTask } from '@/lib/actions/update-task';
import type { SessionUser } from '@/lib/auth/session';
import { addMember, createProject, createUser } from '../../helpers/factories';

// The one mock: who is calling. Everything else (db, actions, queries) is real.
const caller = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => caller.current }));
const actAs = (u: SessionUser) => { caller.current = { id: u.id, email: u.email, name: u.name }; };

// A project with an owner and a member; the member is the caller.
async function setup() {
  const owner = await createUser('owner');
  const mate = await createUser('mate');
  const project = await createProject(owner.id);
  await addMember(project.id, mate.id);
  actAs(mate);
  const ms = await createMilestone({ projectId: project.id, title: 'Beta', dueDate: '2027-03-01' });
  if (!ms.ok) throw new Error(ms.error.message);
  return { owner, mate, projectId: project.id, milestoneId: ms.data.id };
}

const fieldOf = (res: { ok: boolean; error?: { fieldErrors?: Record<string, string> } }) =>
  Object.keys(res.error?.fieldErrors ?? {});

describe('tasks', () => {
  it('create and update round-trip every field; updatedAt moves on each edit', async () => {
    const { owner, mate, projectId, milestoneId } = await setup();
    const created = await createTask({
      projectId,
      title: '  Write docs ',
      description: 'All of them',
      status: 'in_progress',
      priority: 'high',
      labels: ' docs, Docs ,ui,, ',
      assigneeIds: [owner.id, mate.id, owner.id],
      dueDate: '2027-02-28',
      milestoneId,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const stored = await getTask(getDb(), projectId, created.data.id);
    expect(stored).toMatchObject({
      title: 'Write docs',
      description: 'All of them',
      status: 'in_progress',
      priority: 'high',
      labels: ['docs', 'ui'],
      assigneeIds: [owner.id, mate.id],
      dueDate: '2027-02-28',
      milestoneId,
      createdBy: mate.id,
      externalAssignees: [],
    });

    await new Promise((r) => setTimeout(r, 5));
    const updated = await updateTask({
      projectId,
      taskId: created.data.id,
      title: 'Write better docs',
      description: '',
      status: 'done',
      priority: 'urgent',
      labels: ['x', 'y'],
      assigneeIds: [],
      dueDate: '',
      milestoneId: '',
    });
    if (!updated.ok) throw new Error(JSON.stringify(updated.error));
    const after = await getTask(getDb(), projectId, created.data.id);
    expect(after).toMatchObject({
      title: 'Write better docs', description: '', status: 'done', priority: 'urgent',
      labels: ['x', 'y'], assigneeIds: [], dueDate: null, milestoneId: null,
    });
    expect(after!.updatedAt.getTime()).toBeGreaterThan(stored!.updatedAt.getTime());

    // An edit that sends one field leaves the others alone.
    const partial = await updateTask({ projectId, taskId: created.data.id, status: 'todo' });
    expect(partial.ok).toBe(true);
    expect(await getTask(getDb(), projectId, created.data.id)).toMatchObject({ status: 'todo', title: 'Write better docs', labels: ['x', 'y'] });
    expect((await listTasks(getDb(), projectId)).map((t) => t.id)).toEqual([created.data.id]);
  });

  it('invalid input names the wrong field', async () => {
    const { projectId } = await setup();
    const other = await createProject((await createUser('elsewhere')).id);
    const foreignMs = await createMilestoneIn(other.id);
    const stranger = await createUser('stranger');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '   ' }, 'title'],
      [{ title: 'x', dueDate: '2027-02-30' }, 'dueDate'],
      [{ title: 'x', dueDate: '31/12/2027' }, 'dueDate'],
      [{ title: 'x', status: 'blocked' }, 'status'],
      [{ title: 'x', priority: 'whenever' }, 'priority'],
      [{ title: 'x', labels: 'a'.repeat(41) }, 'labels.0'],
      [{ title: 'x', assigneeIds: ['nope'] }, 'assigneeIds.0'],
      [{ title: 'x', assigneeIds: [stranger.id] }, 'assigneeIds'],
      [{ title: 'x', milestoneId: foreignMs }, 'milestoneId'],
      [{ title: 'x', milestoneId: crypto.randomUUID() }, 'milestoneId'],
    ];
    for (const [input, field] of cases) {
      const res = await createTask({ projectId, ...input } as Parameters<typeof createTask>[0]);
      expect(res.ok, JSON.stringify(input)).toBe(false);
      expect(fieldOf(res), JSON.stringify(input)).toEqual([field]);
    }
    expect(await listTasks(getDb(), projectId)).toEqual([]);
  });

  it('editing a task of another project, a random or a malformed task id is not_found', async () => {
    const { projectId } = await setup();
    const theirs = await createProject((await createUser('o')).id);
    const { createTask: insert } = await import('@/db/queries/tasks');
    const foreign = await insert(getDb(), theirs.id, {
      title: 't', description: '', status: 'todo', priority: 'low', labels: [], assigneeIds: [],
      dueDate: null, milestoneId: null, createdBy: null,
    });
    for (const taskId of [foreign.id, crypto.randomUUID(), 'zzz']) {
      const res = await updateTask({ projectId, taskId, title: 'hijack' });
      expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect((await getTask(getDb(), theirs.id, foreign.id))!.title).toBe('t');
    // And the other project's id itself: the caller is not a member there.
    expect(await updateTask({ projectId: theirs.id, taskId: foreign.id, title: 'x' })).toMatchObject({
      ok: false, error: { code: 'not_found' },
    });
  });
});

// A milestone in a project the caller does not belong to, inserted directly.
async function createMilestoneIn(projectId: string) {
  const { createMilestone: insert } = await import('@/db/queries/milestones');
  return (await insert(getDb(), projectId, { title: 'theirs', description: '', dueDate: null })).id;
}

describe('milestones', () => {
  it('create, list and update; bad due date names the field; other projects are not_found', async () => {
    const { projectId, milestoneId } = await setup();
    const undated = await createMilestone({ projectId, title: 'Someday' });
    expect(undated.ok).toBe(true);
    expect((await listMilestones(getDb(), projectId)).map((m) => m.title)).toEqual(['Beta', 'Someday']);
    const res = await updateMilestone({ projectId, milestoneId, title: 'GA', dueDate: '2027-04-01' });
    expect(res).toMatchObject({ ok: true, data: { title: 'GA', dueDate: '2027-04-01', description: '' } });
    expect(fieldOf(await createMilestone({ projectId, title: 'x', dueDate: 'tomorrow' }))).toEqual(['dueDate']);
    expect(fieldOf(await updateMilestone({ projectId, milestoneId, title: '' }))).toEqual(['title']);
    const other = await createProject((await createUser('o')).id);
    const theirs = await createMilestoneIn(other.id);
    expect(await updateMilestone({ projectId, milestoneId: theirs, title: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
