'use client';

import { useEffect, useState } from 'react';
import type { Task, TaskStatus } from '@/db/schema/tasks';
import { updateTask } from '@/lib/actions/update-task';
import { type MemberOption, type MilestoneOption, statusOptions } from '../task-options';
import { useServerAction } from '../use-server-action';
import { BoardCard } from './board-card';

type Column = { status: TaskStatus; tasks: Task[]; total: number };
type Props = { projectId: string; columns: Column[]; members: MemberOption[]; milestones: MilestoneOption[]; today: string; linked: string[] };

const DRAG_TYPE = 'application/x-taskbridge-task';

/**
 * Columns by status. Dragging a card to another column (or choosing its status on the card,
 * the keyboard way) saves through updateTask — the edit form's action — so integrations get it.
 */
export function TaskBoard({ projectId, columns, members, milestones, today }: Props) {
  const [moved, setMoved] = useState<Record<string, TaskStatus>>({});
  const [over, setOver] = useState<TaskStatus | null>(null);
  const save = useServerAction(updateTask);
  // Moves stay shown until the server's columns arrive (refresh after success), or are dropped on failure.
  useEffect(() => setMoved({}), [columns, save.error]);
  const move = (task: Task, status: TaskStatus) => {
    if ((moved[task.id] ?? task.status) === status) return;
    setMoved((m) => ({ ...m, [task.id]: status }));
    save.run({ projectId, taskId: task.id, status });
  };
  const all = columns.flatMap((c) => c.tasks);
  const byId = new Map(members.map((m) => [m.userId, m]));
  const milestoneTitle = new Map(milestones.map((m) => [m.id, m.title]));
  return (
    <div className="space-y-2">
      {save.formError && <p role="alert" className="text-sm text-red-700">{save.formError}</p>}
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="task-board">
        {columns.map((col) => {
          const cards = all.filter((t) => (moved[t.id] ?? t.status) === col.status);
          const delta = cards.length - col.tasks.length;
          return (
            <section
              key={col.status}
              aria-label={statusOptions[col.status].label}
              data-testid="board-column"
              data-status={col.status}
              onDragOver={(e) => { if (e.dataTransfer.types.includes(DRAG_TYPE)) { e.preventDefault(); setOver(col.status); } }}
              onDragLeave={() => setOver((s) => (s === col.status ? null : s))}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                const task = all.find((t) => t.id === e.dataTransfer.getData(DRAG_TYPE));
                if (task) move(task, col.status);
              }}
              className={`min-w-0 rounded-xl border p-2 ${over === col.status ? 'border-indigo-400 bg-indigo-50' : 'border-slate-200 bg-slate-100/70'}`}
            >
              <h3 className="flex items-center justify-between px-1 pb-2 text-sm font-semibold text-slate-700">
                {statusOptions[col.status].label}
                <span className="font-normal text-slate-500">{col.total + delta}</span>
              </h3>
              <ul className="min-h-16 space-y-2">
                {cards.map((t) => (
                  <BoardCard
                    key={t.id}
                    projectId={projectId}
                    task={t}
                    status={moved[t.id] ?? t.status}
                    byId={byId}
                    milestone={t.milestoneId ? milestoneTitle.get(t.milestoneId) : undefined}
                    today={today}
                    dragType={DRAG_TYPE}
                    onStatus={(s) => move(t, s)}
                  />
                ))}
              </ul>
              {col.total > col.tasks.length && (
                <p className="px-1 pt-2 text-xs text-slate-500">Showing {col.tasks.length} of {col.total}; filter or use the list to see the rest.</p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
