import type { TaskField } from '@/lib/integrations/contract/changes';
import type { TaskSyncCapability } from '@/lib/integrations/contract/task-sync';

/** Every task field a provider could sync, as the task page names it. */
export const taskFieldLabels: Record<TaskField, string> = {
  title: 'title', description: 'description', status: 'status', priority: 'priority', labels: 'labels',
  assigneeIds: 'assignees', dueDate: 'due date', milestoneId: 'milestone',
};

/** The task fields a provider does not sync (said on the task page, and never pushed). */
export function unsyncedTaskFields(cap: Pick<TaskSyncCapability, 'taskFields'>): string[] {
  return (Object.keys(taskFieldLabels) as TaskField[]).filter((f) => !cap.taskFields.includes(f)).map((f) => taskFieldLabels[f]);
}
