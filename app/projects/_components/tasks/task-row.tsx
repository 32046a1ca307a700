import Link from 'next/link';
import { Badge } from '@/app/_components/ui';
import type { Task } from '@/db/schema/tasks';
import { memberName, type MemberOption, priorityOptions, statusOptions } from '../task-options';
import { DueDate } from './due-date';

export const listColumns = 'md:grid md:grid-cols-[1.5rem_minmax(0,1fr)_7rem_5.5rem_9rem_8.5rem] md:items-center md:gap-3';

type Props = {
  projectId: string;
  task: Task;
  byId: Map<string, MemberOption>;
  milestone?: string;
  today: string;
  selected: boolean;
  onSelect: (on: boolean) => void;
};

/** One task in the list: a stacked card on mobile, a grid row from md up. */
export function TaskRow({ projectId, task: t, byId, milestone, today, selected, onSelect }: Props) {
  const assignees = [...t.assigneeIds.map((id) => byId.get(id)).filter((m) => m !== undefined).map(memberName), ...t.externalAssignees.map((a) => `@${a}`)];
  const open = t.status === 'todo' || t.status === 'in_progress';
  return (
    <li data-testid="task-row" data-task-id={t.id} className={`flex gap-3 px-4 py-3 md:gap-0 ${listColumns} ${selected ? 'bg-indigo-50/60' : ''}`}>
      <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select ${t.title}`} className="mt-1 h-4 w-4 shrink-0 accent-indigo-600 md:mt-0" />
      <div className="min-w-0 flex-1 md:contents">
        <div className="min-w-0">
          <Link href={`/projects/${projectId}/tasks/${t.id}`} className="break-words font-medium text-slate-900 [overflow-wrap:anywhere] hover:text-indigo-700">
            {t.title}
          </Link>
          {(t.labels.length > 0 || milestone) && (
            <div className="mt-1 flex flex-wrap gap-1">
              {milestone && <span className="break-words text-xs text-slate-500 [overflow-wrap:anywhere]" data-testid="task-milestone">◆ {milestone}</span>}
              {t.labels.map((l) => (
                <span key={l} className="break-all rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" data-testid="task-label">{l}</span>
              ))}
            </div>
          )}
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-2 md:contents">
          <span data-testid="task-status"><Badge tone={statusOptions[t.status].tone}>{statusOptions[t.status].label}</Badge></span>
          <span data-testid="task-priority"><Badge tone={priorityOptions[t.priority].tone}>{priorityOptions[t.priority].label}</Badge></span>
          <span className="min-w-0 truncate text-sm text-slate-600" data-testid="task-assignees" title={assignees.join(', ')}>
            {assignees.length ? assignees.join(', ') : <span className="text-slate-500">Unassigned</span>}
          </span>
          <span className="text-sm" data-testid="task-due"><DueDate dueDate={t.dueDate} today={today} open={open} /></span>
        </div>
      </div>
    </li>
  );
}
