import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { type Task, taskActivity, tasks, users } from '../schema';
import type { TaskValues } from './tasks';

export type ActivityEntry = { taskId: string; actorId: string | null; field: string; fromValue?: unknown; toValue?: unknown };

/** Records local activity rows (for display only; delivery of changes is lib/changes'). */
export async function recordTaskActivity(db: DbOrTx, entries: ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(taskActivity).values(entries.map((e) => ({ ...e, fromValue: e.fromValue ?? null, toValue: e.toValue ?? null })));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** One entry per field of the patch whose value really changed between `before` and `after`. */
export function diffTaskEdit(before: Task, after: Task, patch: Partial<TaskValues>, actorId: string | null): ActivityEntry[] {
  return (Object.keys(patch) as Array<keyof TaskValues>)
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ taskId: after.id, actorId, field, fromValue: before[field], toValue: after[field] }));
}

export type ActivityRow = { id: string; field: string; fromValue: unknown; toValue: unknown; createdAt: Date; actorName: string | null; actorEmail: string | null };

/** A task's local activity, newest first, scoped to the project through the task. */
export async function listTaskActivity(db: DbOrTx, projectId: string, taskId: string, limit = 50): Promise<ActivityRow[]> {
  return db
    .select({
      id: taskActivity.id,
      field: taskActivity.field,
      fromValue: taskActivity.fromValue,
      toValue: taskActivity.toValue,
      createdAt: taskActivity.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(taskActivity)
    .innerJoin(tasks, eq(tasks.id, taskActivity.taskId))
    .leftJoin(users, eq(users.id, taskActivity.actorId))
    .where(and(eq(taskActivity.taskId, taskId), eq(tasks.projectId, projectId)))
    .orderBy(desc(taskActivity.createdAt), desc(taskActivity.id))
    .limit(limit);
}
