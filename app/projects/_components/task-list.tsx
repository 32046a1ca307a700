import Link from 'next/link';
import { Badge, EmptyState } from '@/app/_components/ui';
import type { Task } from '@/db/schema/tasks';
import { memberName, type MemberOption, type MilestoneOption, priorityOptions, statusOptions } from './task-options';

type Props = { projectId: string; tasks: Task[]; members: MemberOption[]; milestones: MilestoneOption[]; today: string };

const columns = 'md:grid md:grid-cols-[minmax(0,1fr)_7rem_5.5rem_9rem_6.5rem] md:items-center md:gap-4';

/** Tasks as stacked cards on mobile and a table-like grid from md up (one markup, one row per task). */
export function TaskList({ projectId, tasks, members, milestones, today }: Props) {
  if (tasks.length === 0) return <EmptyState>No tasks yet. Create the first one below.</EmptyState>;
  const byId = new Map(members.map((m) => [m.userId, m]));
  const milestoneTitle = new Map(milestones.map((m) => [m.id, m.title]));
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className={`hidden border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 ${columns}`}>
        <span>Task</span>
        <span>Status</span>
        <span>Priority</span>
        <span>Assignees</span>
        <span>Due</span>
      </div>
      <ul className="divide-y divide-slate-100">
        {tasks.map((t) => {
          const assignees = [...t.assigneeIds.map((id) => byId.get(id)).filter((m) => m !== undefined).map(memberName), ...t.externalAssignees.map((a) => `@${a}`)];
          const overdue = t.dueDate !== null && t.dueDate < today && t.status !== 'done' && t.status !== 'cancelled';
          const milestone = t.milestoneId ? milestoneTitle.get(t.milestoneId) : undefined;
          return (
            <li key={t.id} data-testid="task-row" data-task-id={t.id} className={`px-4 py-3 ${columns}`}>
              <div className="min-w-0">
                <Link href={`/projects/${projectId}/tasks/${t.id}`} className="font-medium text-slate-900 hover:text-indigo-700">
                  {t.title}
                </Link>
                {(t.labels.length > 0 || milestone) && (
                  <div className="mt-1 flex flex-wrap gap-1">
                    {milestone && (
                      <span className="text-xs text-slate-500" data-testid="task-milestone">
                        ◆ {milestone}
                      </span>
                    )}
                    {t.labels.map((l) => (
                      <span key={l} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" data-testid="task-label">
                        {l}
                      </span>
                    ))}
                  </div>
                )}
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-2 md:contents">
                <span data-testid="task-status">
                  <Badge tone={statusOptions[t.status].tone}>{statusOptions[t.status].label}</Badge>
                </span>
                <span data-testid="task-priority">
                  <Badge tone={priorityOptions[t.priority].tone}>{priorityOptions[t.priority].label}</Badge>
                </span>
                <span className="truncate text-sm text-slate-600" data-testid="task-assignees" title={assignees.join(', ')}>
                  {assignees.length ? assignees.join(', ') : <span className="text-slate-400 md:inline">Unassigned</span>}
                </span>
                <span className={`text-sm ${overdue ? 'font-medium text-red-600' : 'text-slate-600'}`} data-testid="task-due">
                  {t.dueDate ? <><span className="md:hidden">Due </span>{t.dueDate}</> : <span className="hidden text-slate-400 md:inline">—</span>}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
