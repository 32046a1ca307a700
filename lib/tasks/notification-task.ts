import type { DbOrTx } from '@/db/client';
import { listMembers } from '@/db/queries/members';
import type { Task } from '@/db/schema';
import type { NotificationTask } from '@/lib/integrations/contract/notify';
import { taskUrl } from './task-url';

/** The task as notifications show it: absolute link, assignees by name/email. */
export async function toNotificationTask(db: DbOrTx, task: Task): Promise<NotificationTask> {
  const members = task.assigneeIds.length ? await listMembers(db, task.projectId) : [];
  return {
    id: task.id,
    title: task.title,
    url: taskUrl(task.projectId, task.id),
    status: task.status,
    priority: task.priority,
    assignees: members.filter((m) => task.assigneeIds.includes(m.userId)).map((m) => ({ name: m.name, email: m.email })),
    dueDate: task.dueDate,
  };
}
