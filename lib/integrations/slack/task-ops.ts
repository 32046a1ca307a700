import type { Db } from '@/db/client';
import type { MemberRow } from '@/db/queries/members';
import { findTasksByIdPrefix, findTasksByTitle, createTask as insertTask, listOpenTasks, searchOpenTasksByTitle } from '@/db/queries/tasks';
import type { Task } from '@/db/schema';
import { applyTaskEdit } from '@/lib/actions/apply-task-edit';
import { assertTaskRefs } from '@/lib/actions/task-refs';
import { createTaskSchema } from '@/lib/actions/task-schema';
import { AppError } from '@/lib/errors';
import { pick, withLocalChanges } from '@/lib/changes/record';
import { taskFields } from '@/lib/integrations/contract/changes';
import { taskUrl } from '@/lib/tasks/task-url';
import { escapeMrkdwn } from './task-message';

/** Who a Slack write is from: the mapped member, through this integration (the change's origin). */
export type SlackOrigin = { actorUserId: string; originIntegrationId: string };

/**
 * Task writes from Slack take the app's own paths: the create action's schema, ref checks and
 * insert; applyTaskEdit for edits (so the change fan-out and two-way sync see them).
 */
export async function createTaskFromSlack(
  db: Db,
  projectId: string,
  actor: MemberRow,
  origin: SlackOrigin,
  input: { title: string; description?: string; labels?: string[]; assigneeIds?: string[]; dueDate?: string | null; priority?: string | null },
): Promise<Task> {
  const parsed = createTaskSchema.safeParse({
    projectId,
    title: input.title,
    description: input.description ?? '',
    labels: input.labels ?? [],
    assigneeIds: input.assigneeIds ?? [],
    dueDate: input.dueDate ?? null,
    ...(input.priority ? { priority: input.priority } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request', `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`, String(issue?.path[0] ?? ''));
  }
  const { projectId: _p, ...values } = parsed.data;
  await assertTaskRefs(db, projectId, values);
  return withLocalChanges(db, origin, async (tx, record) => {
    const task = await insertTask(tx, projectId, { ...values, createdBy: actor.userId });
    await record({ kind: 'task.created', projectId, taskId: task.id, milestoneId: task.milestoneId, fields: [...taskFields], after: pick(task, taskFields) });
    return task;
  });
}

export async function editTaskFromSlack(
  db: Db,
  projectId: string,
  taskId: string,
  patch: Partial<Pick<Task, 'status' | 'assigneeIds'>>,
  origin: SlackOrigin,
): Promise<Task> {
  return applyTaskEdit(db, projectId, taskId, patch, origin);
}

/**
 * A task named in `/task done <ref>`: its id, the start of its id (6+ hex characters), or its
 * title (exact, else the one open task containing it). Ambiguous or unknown → a message.
 */
export async function findTaskByRef(db: Db, projectId: string, ref: string): Promise<{ task: Task } | { message: string }> {
  const needle = ref.trim();
  if (!needle) return { message: 'Say which task: `/task done <ref>` (the start of its id, or its title).' };
  if (/^[0-9a-f-]{6,36}$/i.test(needle)) {
    const rows = await findTasksByIdPrefix(db, projectId, needle, 2);
    if (rows.length === 1) return { task: rows[0]! };
  }
  const exact = await findTasksByTitle(db, projectId, needle, 2);
  if (exact.length === 1) return { task: exact[0]! };
  const partial = await searchOpenTasksByTitle(db, projectId, needle, 6);
  if (partial.length === 1) return { task: partial[0]! };
  if (partial.length === 0 && exact.length === 0) return { message: `No task matches “${escapeMrkdwn(needle)}”.` };
  const list = (partial.length ? partial : exact).slice(0, 5).map((t) => `• ${escapeMrkdwn(t.title)} (\`${t.id.slice(0, 8)}\`)`).join('\n');
  return { message: `Several tasks match “${escapeMrkdwn(needle)}”; use the start of the id:\n${list}` };
}

/** Open tasks: the member's own (assigned to them), or the project's. */
export async function openTasks(db: Db, projectId: string, assigneeId: string | null, limit = 10): Promise<Task[]> {
  return listOpenTasks(db, projectId, assigneeId, limit);
}

export { toNotificationTask } from '@/lib/tasks/notification-task';

export function taskLine(task: Task): string {
  const due = task.dueDate ? ` · due ${task.dueDate}` : '';
  return `• <${taskUrl(task.projectId, task.id)}|${escapeMrkdwn(task.title)}> — ${task.status.replace('_', ' ')}, ${task.priority}${due} (\`${task.id.slice(0, 8)}\`)`;
}
