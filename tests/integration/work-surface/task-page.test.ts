import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createIntegration } from '@/db/queries/integrations';
import { listProviderRows } from '@/db/queries/providers';
import { countTasks, listProjectLabels, listTaskBoard, listTaskPage, taskPageQuery } from '@/db/queries/task-page';
import { createTask, softDeleteTasks, type TaskValues } from '@/db/queries/tasks';
import { externalTaskMappings, tasks } from '@/db/schema';
import { createMilestone } from '@/db/queries/milestones';
import { defaultDir, encodeCursor, parseTaskQuery, type TaskSort } from '@/lib/tasks/task-query';
import { addMember, createProject, createUser } from '../../helpers/factories';
import { eq, sql } from 'drizzle-orm';

const today = '2027-05-10';
const base: TaskValues & { createdBy: null } = {
  title: 't', description: '', status: 'todo', priority: 'medium', labels: [], assigneeIds: [], dueDate: null, milestoneId: null, createdBy: null,
};
const page = (projectId: string, filters = {}, o: Partial<{ sort: TaskSort; dir: 'asc' | 'desc'; after: string; limit: number }> = {}) =>
  listTaskPage(getDb(), projectId, filters, { sort: o.sort ?? 'updated', dir: o.dir ?? defaultDir[o.sort ?? 'updated'], after: o.after, limit: o.limit ?? 50, today });

async function walk(projectId: string, sort: TaskSort, dir: 'asc' | 'desc', limit: number) {
  const seen: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 100; i++) {
    const p = await page(projectId, {}, { sort, dir, after, limit });
    seen.push(...p.tasks.map((t) => t.id));
    if (!p.nextCursor) break;
    after = p.nextCursor;
  }
  return seen;
}

describe('task page: keyset pagination', () => {
  it('walks every sort in both directions without gaps or repeats, equal keys included', async () => {
    const db = getDb();
    const owner = await createUser('owner');
    const project = await createProject(owner.id);
    const statuses = ['todo', 'in_progress', 'done', 'cancelled'] as const;
    const priorities = ['low', 'medium', 'high', 'urgent'] as const;
    const created = [];
    for (let i = 0; i < 23; i++) {
      created.push(await createTask(db, project.id, {
        ...base, title: `Task ${i % 5}`, status: statuses[i % 4]!, priority: priorities[i % 3]!,
        dueDate: i % 3 === 0 ? null : `2027-05-${String(10 + (i % 4)).padStart(2, '0')}`,
      }));
    }
    // Same updated_at for a few rows (microseconds matter for the cursor).
    await db.update(tasks).set({ updatedAt: new Date('2027-01-01T00:00:00.123Z') }).where(eq(tasks.title, 'Task 1'));
    for (const sort of ['updated', 'title', 'status', 'priority', 'due'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const all = (await page(project.id, {}, { sort, dir, limit: 100 })).tasks.map((t) => t.id);
        expect(all).toHaveLength(23);
        expect(await walk(project.id, sort, dir, 4), `${sort} ${dir}`).toEqual(all);
      }
    }
    const byDue = (await page(project.id, {}, { sort: 'due', dir: 'asc', limit: 100 })).tasks;
    expect(byDue.at(-1)!.dueDate).toBeNull(); // undated last when soonest-first
    expect(byDue[0]!.dueDate).toBe('2027-05-10');
  });

  it('a forged or mismatched cursor starts from the top instead of failing', async () => {
    const owner = await createUser('owner');
    const project = await createProject(owner.id);
    await createTask(getDb(), project.id, base);
    const forged = Buffer.from(JSON.stringify(['not-a-status', crypto.randomUUID()])).toString('base64url');
    expect((await page(project.id, {}, { sort: 'status', after: forged })).tasks).toHaveLength(1);
    expect((await page(project.id, {}, { sort: 'due', after: 'garbage' })).tasks).toHaveLength(1);
  });
});

describe('task page: filters', () => {
  it('search, status, priority, assignee, label, milestone, due, linked/unlinked; deleted tasks never show', async () => {
    const db = getDb();
    const owner = await createUser('owner');
    const mate = await createUser('mate');
    const project = await createProject(owner.id);
    const other = await createProject(owner.id);
    await addMember(project.id, mate.id);
    const ms = await createMilestone(db, project.id, { title: 'Beta', description: '', dueDate: null });
    const a = await createTask(db, project.id, { ...base, title: 'Fix 100% CPU in sync', labels: ['bug'], assigneeIds: [mate.id], dueDate: '2027-05-09' });
    const b = await createTask(db, project.id, { ...base, title: 'Docs', description: 'explain the CPU graph', status: 'done', priority: 'urgent', dueDate: '2027-05-01', milestoneId: ms.id });
    const c = await createTask(db, project.id, { ...base, title: 'Plan launch', labels: ['Launch', 'bug'], dueDate: '2027-05-16', status: 'in_progress' });
    const d = await createTask(db, project.id, { ...base, title: 'Gone cpu task' });
    await createTask(db, other.id, { ...base, title: 'Other project CPU', labels: ['bug'] });
    await softDeleteTasks(db, project.id, [d.id]);
    const github = (await listProviderRows(db)).find((p) => p.providerType === 'github')!;
    const integration = await createIntegration(db, { projectId: project.id, providerRowId: github.id, createdBy: owner.id, settings: {} });
    await db.insert(externalTaskMappings).values({ taskId: c.id, integrationId: integration.id, externalId: '1', externalKey: 'o/r#1' });

    const ids = async (raw: Record<string, string>) =>
      (await page(project.id, parseTaskQuery(raw), { sort: 'title' })).tasks.map((t) => t.title);
    expect(await ids({ q: 'cpu' })).toEqual(['Docs', 'Fix 100% CPU in sync']);
    expect(await ids({ q: '100%' })).toEqual(['Fix 100% CPU in sync']);
    expect(await ids({ q: '%' })).toEqual(['Fix 100% CPU in sync']); // wildcard escaped
    expect(await ids({ status: 'done' })).toEqual(['Docs']);
    expect(await ids({ priority: 'urgent' })).toEqual(['Docs']);
    expect(await ids({ assignee: mate.id })).toEqual(['Fix 100% CPU in sync']);
    expect(await ids({ assignee: 'none' })).toEqual(['Docs', 'Plan launch']);
    expect(await ids({ label: 'bug' })).toEqual(['Fix 100% CPU in sync', 'Plan launch']);
    expect(await ids({ milestone: ms.id })).toEqual(['Docs']);
    expect(await ids({ milestone: 'none' })).toEqual(['Fix 100% CPU in sync', 'Plan launch']);
    expect(await ids({ due: 'overdue' })).toEqual(['Fix 100% CPU in sync']); // Docs is done, so not overdue
    expect(await ids({ due: 'week' })).toEqual(['Plan launch']);
    expect(await ids({ link: `linked:${integration.id}` })).toEqual(['Plan launch']);
    expect(await ids({ link: `unlinked:${integration.id}` })).toEqual(['Docs', 'Fix 100% CPU in sync']);
    expect(await ids({ label: 'bug', status: 'in_progress' })).toEqual(['Plan launch']);
    expect(parseTaskQuery({ per: '200' }).per).toBe(200);
    expect(parseTaskQuery({ per: '7' }).per).toBeUndefined();
    // Values that are not choices are dropped, not a 500.
    expect(await ids({ status: 'nope', assignee: 'x', link: 'linked:zzz', due: 'soon' })).toHaveLength(3);

    expect(await countTasks(db, project.id, parseTaskQuery({ label: 'bug' }), today)).toBe(2);
    expect(await listProjectLabels(db, project.id)).toEqual(['bug', 'Launch']);
    const board = await listTaskBoard(db, project.id, parseTaskQuery({ q: 'cpu' }), { sort: 'updated', dir: 'desc', limit: 10, today });
    expect(board.map((col) => [col.status, col.total, col.tasks.map((t) => t.id)])).toEqual([
      ['todo', 1, [a.id]], ['in_progress', 0, []], ['done', 1, [b.id]], ['cancelled', 0, []],
    ]);
  });
});

describe('task page at scale: every sort reads its index in order', () => {
  // With sequential and bitmap scans priced out, a sort without a matching (project, key, id)
  // index would need a Sort node over every task of the project; with one, page 200 costs what page 1 does.
  const cursorValue: Record<TaskSort, string> = { updated: '2027-01-01T00:00:00Z', title: 'm', status: 'todo', priority: 'medium', due: '2027-05-10' };
  it.each((['updated', 'title', 'status', 'priority', 'due'] as const).flatMap((s) => [[s, 'asc'], [s, 'desc']] as const))('%s %s, first page and after a cursor', async (sort, dir) => {
    const owner = await createUser('owner');
    const project = await createProject(owner.id);
    for (const after of [undefined, encodeCursor(cursorValue[sort], '00000000-0000-4000-8000-000000000000')]) {
      const plan = await getDb().transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql`set local enable_bitmapscan = off`);
        const query = taskPageQuery(tx, project.id, {}, { sort, dir, after, limit: 50, today });
        const { rows } = await tx.execute(sql`explain ${query.getSQL()}`);
        return rows.map((r) => Object.values(r as Record<string, string>)[0]).join('\n');
      });
      expect(plan, `${sort} ${dir} ${after ? 'after a cursor' : 'first page'}`).toMatch(/Index (Only )?Scan/);
      expect(plan, `${sort} ${dir}`).not.toMatch(/Sort/);
    }
  });
});
