'use client';

import Link from 'next/link';
import { useState } from 'react';
import { EmptyState } from '@/app/_components/ui';
import type { Task } from '@/db/schema/tasks';
import { defaultDir, type TaskQuery, taskQueryHref, type TaskSort } from '@/lib/tasks/task-query';
import type { MemberOption, MilestoneOption } from '../task-options';
import { BulkBar } from './bulk-bar';
import { listColumns, TaskRow } from './task-row';

type Props = {
  projectId: string;
  query: TaskQuery;
  tasks: Task[];
  nextCursor: string | null;
  filtered: boolean;
  members: MemberOption[];
  milestones: MilestoneOption[];
  today: string;
  linked: string[];
};

/** The list view: sortable columns, keyset pages ("Next" / "First page"), and a selection for bulk changes. */
export function TaskList({ projectId, query, tasks, nextCursor, filtered, members, milestones, today, linked }: Props) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const base = `/projects/${projectId}`;
  if (tasks.length === 0) {
    return <EmptyState>{filtered ? 'No tasks match these filters.' : 'No tasks yet. Add the first one above.'}</EmptyState>;
  }
  const byId = new Map(members.map((m) => [m.userId, m]));
  const milestoneTitle = new Map(milestones.map((m) => [m.id, m.title]));
  const visible = tasks.filter((t) => selected.has(t.id)).map((t) => t.id);
  const toggle = (id: string, on: boolean) => setSelected((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; });
  const dir = query.dir ?? defaultDir[query.sort];
  const header = (sort: TaskSort, label: string) => {
    const current = query.sort === sort;
    const next = current ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir[sort];
    return (
      // Not a table, so no aria-sort: the sort is said in words for screen readers.
      <Link href={taskQueryHref(base, { ...query, after: undefined }, { sort, dir: next })} className="hover:text-slate-800">
        {label}
        {current && <span aria-hidden="true">{dir === 'asc' ? ' ↑' : ' ↓'}</span>}
        {current && <span className="sr-only">{dir === 'asc' ? ' (sorted ascending)' : ' (sorted descending)'}</span>}
      </Link>
    );
  };
  return (
    <div className="space-y-2">
      {visible.length > 0 && (
        <BulkBar projectId={projectId} taskIds={visible} anyLinked={visible.some((id) => linked.includes(id))} members={members} milestones={milestones} onDone={() => setSelected(new Set())} />
      )}
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className={`hidden border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 ${listColumns}`}>
          <input type="checkbox" aria-label="Select all on this page" checked={visible.length === tasks.length} onChange={(e) => setSelected(e.target.checked ? new Set(tasks.map((t) => t.id)) : new Set())} className="h-4 w-4 accent-indigo-600" />
          <span>{header('title', 'Task')} · {header('updated', 'Updated')}</span>
          {header('status', 'Status')}
          {header('priority', 'Priority')}
          <span>Assignees</span>
          {header('due', 'Due')}
        </div>
        <ul className="divide-y divide-slate-100">
          {tasks.map((t) => (
            <TaskRow key={t.id} projectId={projectId} task={t} byId={byId} milestone={t.milestoneId ? milestoneTitle.get(t.milestoneId) : undefined} today={today} selected={selected.has(t.id)} onSelect={(on) => toggle(t.id, on)} />
          ))}
        </ul>
      </div>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        {query.after ? <Link href={taskQueryHref(base, query, { after: undefined })} className="text-indigo-700 hover:underline">← First page</Link> : <span />}
        {nextCursor && <Link href={taskQueryHref(base, query, { after: nextCursor })} className="font-medium text-indigo-700 hover:underline">Next page →</Link>}
      </nav>
    </div>
  );
}
