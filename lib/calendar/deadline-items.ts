import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { milestones, projects, tasks } from '@/db/schema';
import { configuredAppUrl } from '@/lib/app-url';
import { calendarSettingsSchema, type CalendarSettings } from '@/lib/integrations/calendar-schema';
import type { DeadlineEvent } from '@/lib/integrations/types';
import { safeZone, deadlineTimes } from './event-dates';
import { type ItemRef, itemKey } from './event-ids';

/** A milestone or a task as its calendar event needs it, read after the change committed. */
export type DeadlineItem = {
  ref: ItemRef;
  projectId: string;
  projectName: string;
  timeZone: string;
  title: string;
  dueDate: string | null;
  status: string;
  completed: boolean;
  assigneeIds: string[];
  labels: string[];
};

/** Null when the item is gone (deleted milestone, soft-deleted task) or in another project. */
export async function loadDeadlineItem(db: DbOrTx, projectId: string, ref: ItemRef): Promise<DeadlineItem | null> {
  const [project] = await db.select({ name: projects.name, timeZone: projects.timeZone }).from(projects).where(eq(projects.id, projectId));
  if (!project) return null;
  const base = { ref, projectId, projectName: project.name, timeZone: safeZone(project.timeZone) };
  if (ref.kind === 'milestone') {
    const [m] = await db.select().from(milestones).where(and(eq(milestones.id, ref.id), eq(milestones.projectId, projectId)));
    return m ? { ...base, title: m.title, dueDate: m.dueDate, status: 'open', completed: false, assigneeIds: [], labels: [] } : null;
  }
  const [t] = await db.select().from(tasks).where(and(eq(tasks.id, ref.id), eq(tasks.projectId, projectId)));
  if (!t || t.deletedAt) return null;
  const completed = t.status === 'done' || t.status === 'cancelled';
  return { ...base, title: t.title, dueDate: t.dueDate, status: t.status, completed, assigneeIds: t.assigneeIds, labels: t.labels };
}

export function readCalendarSettings(raw: Record<string, unknown>): CalendarSettings {
  const parsed = calendarSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : calendarSettingsSchema.parse({});
}

/** Whether the integration shows this item as an event (its settings; `connectingUserId` made the integration). */
export function wantsEvent(item: DeadlineItem, settings: CalendarSettings, connectingUserId: string | null): boolean {
  if (!item.dueDate) return false;
  if (item.completed && settings.completedItems === 'remove') return false;
  if (item.ref.kind === 'milestone') return settings.syncMilestones;
  switch (settings.taskDeadlines) {
    case 'all':
      return true;
    case 'assigned_to_me':
      return connectingUserId != null && item.assigneeIds.includes(connectingUserId);
    case 'labels': {
      const wanted = new Set(settings.taskLabels.map((l) => l.toLowerCase()));
      return item.labels.some((l) => wanted.has(l.toLowerCase()));
    }
    default:
      return false;
  }
}

export function itemUrl(item: Pick<DeadlineItem, 'ref' | 'projectId'>): string {
  const origin = configuredAppUrl() ?? '';
  return item.ref.kind === 'task'
    ? `${origin}/projects/${item.projectId}/tasks/${item.ref.id}`
    : `${origin}/projects/${item.projectId}?milestone=${item.ref.id}`;
}

const STATUS_TEXT: Record<string, string> = { todo: 'To do', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled', open: 'Open' };

/** Title, link back and status: what the event says. */
export function deadlineEvent(item: DeadlineItem & { dueDate: string }, settings: CalendarSettings): DeadlineEvent {
  const url = itemUrl(item);
  const noun = item.ref.kind === 'milestone' ? 'Milestone' : 'Task';
  const title = item.ref.kind === 'milestone' ? `◆ ${item.title}` : item.title;
  const description = [
    `${noun} in ${item.projectName} — status: ${STATUS_TEXT[item.status] ?? item.status}`,
    `Open in Taskbridge: ${url}`,
    'Moving this event proposes a new due date; edit the deadline in Taskbridge.',
  ].join('\n');
  return { key: itemKey(item.ref), title, description, url, completed: item.completed, ...deadlineTimes(item.dueDate, { time: settings.deadlineTime, timeZone: item.timeZone }) };
}
