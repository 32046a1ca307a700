import { and, arrayContains, eq, exists, ilike, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import type { TaskFilters } from '@/lib/tasks/task-query';
import { externalTaskMappings, tasks } from '../schema';

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** yyyy-mm-dd plus n days (calendar arithmetic in UTC, no time-zone drift). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The WHERE for a project's live (not deleted) tasks matching the filters. `today` is the
 * viewer's local date, so "overdue" and "this week" mean what the viewer's calendar says.
 */
export function taskFilterWhere(projectId: string, f: TaskFilters, today: string): SQL {
  const conds: Array<SQL | undefined> = [eq(tasks.projectId, projectId), isNull(tasks.deletedAt)];
  if (f.q) conds.push(or(ilike(tasks.title, likePattern(f.q)), ilike(tasks.description, likePattern(f.q))));
  if (f.status) conds.push(eq(tasks.status, f.status));
  if (f.priority) conds.push(eq(tasks.priority, f.priority));
  if (f.assignee === 'none') conds.push(sql`cardinality(${tasks.assigneeIds}) = 0`);
  else if (f.assignee) conds.push(arrayContains(tasks.assigneeIds, [f.assignee]));
  if (f.label) conds.push(arrayContains(tasks.labels, [f.label]));
  if (f.milestone === 'none') conds.push(isNull(tasks.milestoneId));
  else if (f.milestone) conds.push(eq(tasks.milestoneId, f.milestone));
  if (f.due === 'none') conds.push(isNull(tasks.dueDate));
  else if (f.due === 'overdue') {
    conds.push(sql`${tasks.dueDate} < ${today}::date`, sql`${tasks.status} in ('todo', 'in_progress')`);
  } else if (f.due === 'week') {
    conds.push(sql`${tasks.dueDate} between ${today}::date and ${addDays(today, 6)}::date`);
  }
  if (f.link) {
    const linked = exists(
      sql`(select 1 from ${externalTaskMappings} where ${externalTaskMappings.taskId} = ${tasks.id} and ${externalTaskMappings.integrationId} = ${f.link.integrationId})`,
    );
    conds.push(f.link.mode === 'linked' ? linked : not(linked));
  }
  return and(...conds)!;
}
