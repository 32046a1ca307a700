import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listTaskComments } from '@/db/queries/comments';
import { createIntegration } from '@/db/queries/integrations';
import { listMembers } from '@/db/queries/members';
import { listProviderRows } from '@/db/queries/providers';
import { listTaskActivity } from '@/db/queries/task-activity';
import { taskComments, users } from '@/db/schema';
import { addTaskComment } from '@/lib/actions/add-task-comment';
import { bulkUpdateTasks } from '@/lib/actions/bulk-update-tasks';
import { changeMemberRole } from '@/lib/actions/change-member-role';
import { createTask } from '@/lib/actions/create-task';
import { deleteTasks } from '@/lib/actions/delete-tasks';
import { restoreTasks } from '@/lib/actions/restore-tasks';
import { updateTask } from '@/lib/actions/update-task';
import type { SessionUser } from '@/lib/auth/session';
import { addMember, createProject, createUser } from '../../helpers/factories';

const caller = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => caller.current }));
vi.mock('@/lib/sync/schedule-task-push', () => ({ scheduleTaskPush: () => {} }));
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
  return { owner, mate, projectId: project.id };
}

describe('comments', () => {
  it('a member comments; the list shows author and time, oldest first; synced comments show their source', async () => {
    const { owner, mate, projectId } = await setup();
    actAs(mate);
    const task = ok(await createTask({ projectId, title: 'Talk about it' }));
    ok(await addTaskComment({ projectId, taskId: task.id, body: '  first  ' }));
    actAs(owner);
    ok(await addTaskComment({ projectId, taskId: task.id, body: 'second' }));
    const [provider] = (await listProviderRows(getDb())).filter((p) => p.providerType === 'github');
    const integration = await createIntegration(getDb(), { projectId, providerRowId: provider!.id, createdBy: owner.id, settings: {} });
    await getDb().insert(taskComments).values({ taskId: task.id, authorId: null, body: 'from GitHub', sourceIntegrationId: integration.id, externalId: '991', externalAuthor: 'octocat', createdAt: new Date(Date.now() + 1000) });
    const list = await listTaskComments(getDb(), projectId, task.id);
    expect(list.map((c) => [c.body, c.authorName, c.sourceName, c.externalAuthor])).toEqual([
      ['first', 'mate', null, null], ['second', 'owner', null, null], ['from GitHub', null, provider!.name, 'octocat'],
    ]);
    expect(list[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('refuses an empty comment naming the field, strangers, and a task of another project', async () => {
    const { mate, projectId } = await setup();
    actAs(mate);
    const task = ok(await createTask({ projectId, title: 'x' }));
    const empty = await addTaskComment({ projectId, taskId: task.id, body: '   ' });
    expect(empty.ok ? null : empty.error.fieldErrors).toEqual({ body: 'Write a comment first.' });
    const other = await setup();
    actAs(other.mate);
    expect(await addTaskComment({ projectId, taskId: task.id, body: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await addTaskComment({ projectId: other.projectId, taskId: task.id, body: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await addTaskComment({ projectId: other.projectId, taskId: 'nope', body: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await listTaskComments(getDb(), projectId, task.id)).toEqual([]);
  });
});

describe('activity', () => {
  it('records who changed which field from and to what; unchanged fields are not recorded', async () => {
    const { owner, mate, projectId } = await setup();
    actAs(mate);
    const task = ok(await createTask({ projectId, title: 'Old', status: 'todo' }));
    ok(await updateTask({ projectId, taskId: task.id, title: 'New', status: 'todo', priority: 'high' }));
    actAs(owner);
    ok(await bulkUpdateTasks({ projectId, taskIds: [task.id], change: { kind: 'status', status: 'done' } }));
    ok(await deleteTasks({ projectId, taskIds: [task.id], external: 'leave' }));
    ok(await restoreTasks({ projectId, taskIds: [task.id] }));
    const rows = await listTaskActivity(getDb(), projectId, task.id);
    const seen = rows.map((r) => [r.field, r.fromValue, r.toValue, r.actorName]).reverse();
    // One edit's fields share a timestamp, so their order among themselves is not fixed.
    expect(seen.slice(1, 3)).toEqual(expect.arrayContaining([['title', 'Old', 'New', 'mate'], ['priority', 'medium', 'high', 'mate']]));
    expect([seen[0], ...seen.slice(3)]).toEqual([
      ['created', null, null, 'mate'],
      ['status', 'todo', 'done', 'owner'],
      ['deleted', null, null, 'owner'],
      ['restored', null, null, 'owner'],
    ]);
    const other = await setup();
    expect(await listTaskActivity(getDb(), other.projectId, task.id)).toEqual([]);
  });
});

describe('member roles', () => {
  it('an owner promotes and demotes; the last owner cannot be demoted; members cannot change roles', async () => {
    const { owner, mate, projectId } = await setup();
    actAs(mate);
    expect(await changeMemberRole({ projectId, userId: mate.id, role: 'owner' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    actAs(owner);
    const last = await changeMemberRole({ projectId, userId: owner.id, role: 'member' });
    expect(last).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { role: expect.stringMatching(/owner/) } } });
    ok(await changeMemberRole({ projectId, userId: mate.id, role: 'owner' }));
    ok(await changeMemberRole({ projectId, userId: owner.id, role: 'member' }));
    const roles = Object.fromEntries((await listMembers(getDb(), projectId)).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [owner.id]: 'member', [mate.id]: 'owner' });
    actAs(mate);
    expect(await changeMemberRole({ projectId, userId: mate.id, role: 'member' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await changeMemberRole({ projectId, userId: 'x', role: 'member' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await changeMemberRole({ projectId, userId: owner.id, role: 'admin' as 'owner' })).toMatchObject({ ok: false, error: { code: 'bad_request', fieldErrors: { role: 'Choose owner or member.' } } });
  });

  it('two owners demoting each other at once leave one owner', async () => {
    const { owner, mate, projectId } = await setup();
    actAs(owner);
    ok(await changeMemberRole({ projectId, userId: mate.id, role: 'owner' }));
    await Promise.all([changeMemberRole({ projectId, userId: owner.id, role: 'member' }), changeMemberRole({ projectId, userId: mate.id, role: 'member' })]);
    expect((await listMembers(getDb(), projectId)).filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('a member who has not signed in yet is listed as invited', async () => {
    const { owner, projectId } = await setup();
    const [invitee] = await getDb().insert(users).values({ email: `new-${Date.now()}@example.test`, invited: true }).returning();
    await addMember(projectId, invitee!.id);
    const members = await listMembers(getDb(), projectId);
    expect(members.find((m) => m.userId === invitee!.id)?.invited).toBe(true);
    expect(members.find((m) => m.userId === owner.id)?.invited).toBe(false);
    await getDb().update(users).set({ invited: false }).where(eq(users.id, invitee!.id));
  });
});
