import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createTask, getTask } from '@/db/queries/tasks';
import { calendarProposals, projects } from '@/db/schema';
import { decideCalendarProposal } from '@/lib/actions/decide-calendar-proposal';
import { updateProjectTimeZone } from '@/lib/actions/update-project-time-zone';
import { as, ownerCreates, projectWithRoles } from '../integrations/fixtures';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

describe('calendar actions', () => {
  it('the owner sets the project time zone; an unknown zone is a 400 naming the field; members may not', async () => {
    const { owner, member, project } = await projectWithRoles();
    as(owner);
    expect(await updateProjectTimeZone({ projectId: project.id, timeZone: 'Europe/Berlin' })).toMatchObject({ ok: true });
    const [row] = await getDb().select().from(projects).where(eq(projects.id, project.id));
    expect(row!.timeZone).toBe('Europe/Berlin');
    const bad = await updateProjectTimeZone({ projectId: project.id, timeZone: 'Mars/Olympus' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request', fieldErrors: { timeZone: expect.stringContaining('IANA') } } });
    as(member);
    expect(await updateProjectTimeZone({ projectId: project.id, timeZone: 'UTC' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the owner accepts a proposal (the due date moves), a member cannot; a bad id is a 404', async () => {
    const { owner, member, project } = await projectWithRoles();
    const task = await createTask(getDb(), project.id, { title: 'T', description: '', status: 'todo', priority: 'medium', labels: [], assigneeIds: [], dueDate: '2026-05-01', milestoneId: null, createdBy: owner.id });
    const { integrationId } = await ownerCreates(owner, project.id, 'google-calendar');
    const [p] = await getDb().insert(calendarProposals).values({ projectId: project.id, integrationId, itemKey: `task:${task.id}`, externalEventId: 'e1', fromDate: '2026-05-01', toDate: '2026-05-03' }).returning();
    as(member);
    expect(await decideCalendarProposal({ projectId: project.id, proposalId: p!.id, decision: 'accept' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    as(owner);
    expect(await decideCalendarProposal({ projectId: project.id, proposalId: 'nope', decision: 'accept' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await decideCalendarProposal({ projectId: project.id, proposalId: p!.id, decision: 'maybe' as never })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await decideCalendarProposal({ projectId: project.id, proposalId: p!.id, decision: 'accept' })).toMatchObject({ ok: true, data: { status: 'accepted' } });
    expect((await getTask(getDb(), project.id, task.id))!.dueDate).toBe('2026-05-03');
  });
});
