import Link from 'next/link';
import { Badge } from '@/app/_components/ui';
import type { Task, TaskStatus } from '@/db/schema/tasks';
import { memberName, type MemberOption, priorityOptions, statusOptions } from '../task-options';
import { DueDate } from './due-date';

type Props = {
  projectId: string;
  task: Task;
  status: TaskStatus;
  byId: Map<string, MemberOption>;
  milestone?: string;
  today: string;
  dragType: string;
  onStatus: (status: TaskStatus) => void;
};

/** A draggable card; its status select is the keyboard (and touch) way to move it. */
export function BoardCard({ projectId, task: t, status, byId, milestone, today, dragType, onStatus }: Props) {
  const assignees = t.assigneeIds.map((id) => byId.get(id)).filter((m) => m !== undefined).map(memberName);
  return (
    <li
      draggable
      onDragStart={(e) => { e.dataTransfer.setData(dragType, t.id); e.dataTransfer.effectAllowed = 'move'; }}
      data-testid="board-card"
      data-task-id={t.id}
      className="cursor-grab space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm active:cursor-grabbing"
    >
      <Link href={`/projects/${projectId}/tasks/${t.id}`} className="block break-words text-sm font-medium text-slate-900 [overflow-wrap:anywhere] hover:text-indigo-700">
        {t.title}
      </Link>
      {(t.labels.length > 0 || milestone) && (
        <div className="flex flex-wrap gap-1">
          {milestone && <span className="break-words text-xs text-slate-500">◆ {milestone}</span>}
          {t.labels.map((l) => <span key={l} className="break-all rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{l}</span>)}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Badge tone={priorityOptions[t.priority].tone}>{priorityOptions[t.priority].label}</Badge>
        {t.dueDate && <DueDate dueDate={t.dueDate} today={today} open={status === 'todo' || status === 'in_progress'} />}
        {assignees.length > 0 && <span className="truncate text-slate-600">{assignees.join(', ')}</span>}
      </div>
      <label className="flex items-center gap-2 text-xs text-slate-500">
        Status
        <select
          value={status}
          onChange={(e) => onStatus(e.target.value as TaskStatus)}
          aria-label={`Status of ${t.title}`}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-800"
        >
          {Object.entries(statusOptions).map(([v, o]) => <option key={v} value={v}>{o.label}</option>)}
        </select>
      </label>
    </li>
  );
}
