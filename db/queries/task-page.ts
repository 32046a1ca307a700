import { asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { type TaskFilters, type TaskSort, decodeCursor, encodeCursor } from '@/lib/tasks/task-query';
import type { DbOrTx } from '../client';
import { type Task, type TaskStatus, taskPriorityEnum, tasks, taskStatusEnum } from '../schema';
import { taskFilterWhere } from './task-filters';

/** Each sort's key (the expression the indexes in db/schema/tasks.ts are built on), its SQL type and a check for cursor values. */
const sortKeys: Record<TaskSort, { expr: SQL; type: SQL; valid: (v: string) => boolean }> = {
  updated: { expr: sql`${tasks.updatedAt}`, type: sql`timestamptz`, valid: (v) => !Number.isNaN(Date.parse(v)) },
  title: { expr: sql`lower(${tasks.title})`, type: sql`text`, valid: () => true },
  status: { expr: sql`${tasks.status}`, type: sql`task_status`, valid: (v) => (taskStatusEnum.enumValues as string[]).includes(v) },
  priority: { expr: sql`${tasks.priority}`, type: sql`task_priority`, valid: (v) => (taskPriorityEnum.enumValues as string[]).includes(v) },
  due: { expr: sql`coalesce(${tasks.dueDate}, 'infinity'::date)`, type: sql`date`, valid: (v) => v === 'infinity' || /^\d{4}-\d{2}-\d{2}$/.test(v) },
};

export type TaskPageOptions = { sort: TaskSort; dir: 'asc' | 'desc'; after?: string; limit: number; today: string };
export type TaskPage = { tasks: Task[]; nextCursor: string | null };

/**
 * One page of a project's filtered tasks by keyset: rows after the cursor's (sort key, id),
 * so page 200 costs what page 1 does. A cursor that does not fit the sort starts from the top.
 */
export async function listTaskPage(db: DbOrTx, projectId: string, filters: TaskFilters, o: TaskPageOptions): Promise<TaskPage> {
  const rows = await taskPageQuery(db, projectId, filters, o);
  const page = rows.slice(0, o.limit);
  const last = page.at(-1);
  return {
    tasks: page.map((r) => r.task),
    nextCursor: rows.length > o.limit && last ? encodeCursor(last.sortKey, last.task.id) : null,
  };
}

/** The statement behind a page (one more row than the page, to know whether another follows); tests explain it. */
export function taskPageQuery(db: DbOrTx, projectId: string, filters: TaskFilters, o: TaskPageOptions) {
  const key = sortKeys[o.sort];
  const order = o.dir === 'asc' ? asc : desc;
  const cursor = decodeCursor(o.after);
  const where = [taskFilterWhere(projectId, filters, o.today)];
  if (cursor && key.valid(cursor.sortKey)) {
    const cmp = o.dir === 'asc' ? sql`>` : sql`<`;
    where.push(sql`(${key.expr}, ${tasks.id}) ${cmp} (${cursor.sortKey}::${key.type}, ${cursor.id}::uuid)`);
  }
  return db
    .select({ task: tasks, sortKey: sql<string>`(${key.expr})::text` })
    .from(tasks)
    .where(sql.join(where, sql` and `))
    .orderBy(order(key.expr), order(tasks.id))
    .limit(o.limit + 1);
}

export async function countTasks(db: DbOrTx, projectId: string, filters: TaskFilters, today: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tasks).where(taskFilterWhere(projectId, filters, today));
  return row?.n ?? 0;
}

/** The board: per status column, the first `limit` matching tasks (by the chosen sort) and the column's total. */
export async function listTaskBoard(db: DbOrTx, projectId: string, filters: TaskFilters, o: Omit<TaskPageOptions, 'after'>) {
  const statuses = filters.status ? [filters.status] : taskStatusEnum.enumValues;
  const [columns, counts] = await Promise.all([
    Promise.all(statuses.map((status) => listTaskPage(db, projectId, { ...filters, status }, o))),
    db.select({ status: tasks.status, n: count() }).from(tasks).where(taskFilterWhere(projectId, filters, o.today)).groupBy(tasks.status),
  ]);
  const total = new Map(counts.map((c) => [c.status, c.n]));
  return statuses.map((status, i) => ({ status: status as TaskStatus, tasks: columns[i]!.tasks, total: total.get(status) ?? 0 }));
}

/** Labels used in the project (for the label filter), A→Z. */
export async function listProjectLabels(db: DbOrTx, projectId: string): Promise<string[]> {
  const rows = await db.execute<{ label: string }>(
    sql`select label from (select distinct unnest(${tasks.labels}) as label from ${tasks} where ${tasks.projectId} = ${projectId} and ${tasks.deletedAt} is null) l order by lower(label), label`,
  );
  return rows.rows.map((r) => r.label);
}

/** Done/total per milestone, counted in the database (no need to load every task). */
export async function milestoneProgress(db: DbOrTx, projectId: string): Promise<Map<string, { done: number; total: number }>> {
  const rows = await db
    .select({ milestoneId: tasks.milestoneId, total: count(), done: sql<number>`count(*) filter (where ${tasks.status} = 'done')::int` })
    .from(tasks)
    .where(sql`${eq(tasks.projectId, projectId)} and ${tasks.deletedAt} is null and ${tasks.milestoneId} is not null`)
    .groupBy(tasks.milestoneId);
  return new Map(rows.map((r) => [r.milestoneId!, { done: Number(r.done), total: r.total }]));
}
