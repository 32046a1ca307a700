import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { getMemberRole, listMembers } from '@/db/queries/members';
import { listProjectsForUser } from '@/db/queries/projects';
import { getTask } from '@/db/queries/tasks';
import { users } from '@/db/schema';
import { addMember } from '@/lib/actions/add-member';
import { createProject } from '@/lib/actions/create-project';
import { createTask } from '@/lib/actions/create-task';
import { removeMember } from '@/lib/actions/remove-member';
import { addMember as addMemberRow, createUser } from '../../helpers/factories';
import type { SessionUser } from '@/lib/auth/session';

// The one mock: who is calling. Everything else (db, actions, queries) is real.
const caller = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => caller.current }));
const actAs = (u: SessionUser) => { caller.current = { id: u.id, email: u.email, name: u.name }; };

// Creates a project through the action as `owner` and returns its id.
async function newProject(owner: Awaited<ReturnType<typeof createUser>>) {
  actAs(owner);
  const res = await createProject({ name: '  Launch  ', description: 'Q1' });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.id;
}

describe('projects and members', () => {
  it('rejects callers who are not signed in', async () => {
    caller.current = null;
    const res = await createProject({ name: 'x' });
    expect(res).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Sign in first.' } });
  });

  it('creating a project makes the creator its owner', async () => {
    const owner = await createUser('owner');
    const projectId = await newProject(owner);
    expect(await getMemberRole(getDb(), projectId, owner.id)).toBe('owner');
    const list = await listProjectsForUser(getDb(), owner.id);
    expect(list.map((p) => [p.id, p.name, p.role])).toEqual([[projectId, 'Launch', 'owner']]);
  });

  it('an empty project name is named as the wrong field', async () => {
    actAs(await createUser('u'));
    const res = await createProject({ name: '   ' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatchObject({ code: 'bad_request', fieldErrors: { name: 'Enter a project name.' } });
  });

  it('owner adds a member by email, creating the user when the email is unknown', async () => {
    const owner = await createUser('owner');
    const projectId = await newProject(owner);
    const email = `new-${Date.now()}@Example.test`;
    const res = await addMember({ projectId, email: `  ${email} ` });
    expect(res.ok).toBe(true);
    const [created] = await getDb().select().from(users).where(eq(users.email, email.toLowerCase()));
    expect(created).toBeDefined();
    expect(await getMemberRole(getDb(), projectId, created!.id)).toBe('member');

    const known = await createUser('known');
    expect((await addMember({ projectId, email: known.email })).ok).toBe(true);
    const again = await addMember({ projectId, email: known.email });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { email: expect.any(String) } } });
    const bad = await addMember({ projectId, email: 'not-an-email' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request', fieldErrors: { email: 'Enter a valid email address.' } } });
    expect((await listMembers(getDb(), projectId)).map((m) => m.role)).toEqual(['owner', 'member', 'member']);
  });

  it('the last owner cannot be removed; a second owner can be', async () => {
    const owner = await createUser('owner');
    const projectId = await newProject(owner);
    const last = await removeMember({ projectId, userId: owner.id });
    expect(last).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { userId: expect.any(String) } } });
    const other = await createUser('owner2');
    await addMemberRow(projectId, other.id, 'owner');
    expect(await removeMember({ projectId, userId: owner.id })).toEqual({ ok: true, data: { userId: owner.id } });
    expect(await getMemberRole(getDb(), projectId, owner.id)).toBeNull();
  });

  it('removing a member keeps their tasks, unassigned', async () => {
    const owner = await createUser('owner');
    const mate = await createUser('mate');
    const projectId = await newProject(owner);
    await addMemberRow(projectId, mate.id);
    const task = await createTask({ projectId, title: 'Ship', assigneeIds: [mate.id, owner.id] });
    if (!task.ok) throw new Error(task.error.message);
    expect((await removeMember({ projectId, userId: mate.id })).ok).toBe(true);
    const after = await getTask(getDb(), projectId, task.data.id);
    expect(after?.assigneeIds).toEqual([owner.id]);
    expect(after!.updatedAt.getTime()).toBeGreaterThanOrEqual(task.data.updatedAt.getTime());
    const gone = await removeMember({ projectId, userId: mate.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a member calling an owner action gets forbidden', async () => {
    const owner = await createUser('owner');
    const mate = await createUser('mate');
    const projectId = await newProject(owner);
    await addMemberRow(projectId, mate.id);
    actAs(mate);
    expect(await addMember({ projectId, email: 'x@example.test' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await removeMember({ projectId, userId: owner.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await getMemberRole(getDb(), projectId, owner.id)).toBe('owner');
  });

  it('a non-member gets not_found, also for a random or malformed project id', async () => {
    const owner = await createUser('owner');
    const projectId = await newProject(owner);
    actAs(await createUser('stranger'));
    for (const id of [projectId, crypto.randomUUID(), 'not-a-uuid', "1' or '1'='1"]) {
      expect(await addMember({ projectId: id, email: 'x@example.test' })).toEqual({
        ok: false,
        error: { code: 'not_found', message: 'Project not found.' },
      });
      expect(await createTask({ projectId: id, title: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});
