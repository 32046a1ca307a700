import type { BadgeTone } from '@/app/_components/ui';
import type { TaskPriority, TaskStatus } from '@/db/schema/tasks';

/** Display names and colours for task statuses and priorities (TS checks every enum value is here). */
export const statusOptions: Record<TaskStatus, { label: string; tone: BadgeTone }> = {
  todo: { label: 'To do', tone: 'gray' },
  in_progress: { label: 'In progress', tone: 'blue' },
  done: { label: 'Done', tone: 'green' },
  cancelled: { label: 'Cancelled', tone: 'amber' },
};

export const priorityOptions: Record<TaskPriority, { label: string; tone: BadgeTone }> = {
  low: { label: 'Low', tone: 'gray' },
  medium: { label: 'Medium', tone: 'indigo' },
  high: { label: 'High', tone: 'amber' },
  urgent: { label: 'Urgent', tone: 'red' },
};

export type MemberOption = { userId: string; email: string; name: string | null };
export type MilestoneOption = { id: string; title: string };

export const memberName = (m: MemberOption) => m.name || m.email;
