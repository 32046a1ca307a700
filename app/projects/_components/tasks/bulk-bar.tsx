'use client';

import { useState } from 'react';
import { bulkUpdateTasks } from '@/lib/actions/bulk-update-tasks';
import type { BulkChange } from '@/lib/actions/lifecycle-schemas';
import { memberName, type MemberOption, type MilestoneOption, statusOptions } from '../task-options';
import { useServerAction } from '../use-server-action';
import { DeleteTasks } from './delete-tasks';

type Props = {
  projectId: string;
  taskIds: string[];
  anyLinked: boolean;
  members: MemberOption[];
  milestones: MilestoneOption[];
  onDone: () => void;
};

const control = 'min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm';

/** Shown while tasks are selected: one change applied to each (each through the single-edit path), or delete. */
export function BulkBar({ projectId, taskIds, anyLinked, members, milestones, onDone }: Props) {
  const [label, setLabel] = useState('');
  const bulk = useServerAction(bulkUpdateTasks, { onSuccess: () => { setLabel(''); onDone(); } });
  const run = (change: BulkChange) => bulk.run({ projectId, taskIds, change });
  const error = bulk.error ? Object.values(bulk.error.fieldErrors ?? {})[0] ?? bulk.error.message : undefined;
  const pick = (aria: string, placeholder: string, options: Array<[string, string]>, onPick: (v: string) => void) => (
    <select aria-label={aria} value="" disabled={bulk.pending} onChange={(e) => e.target.value && onPick(e.target.value)} className={control}>
      <option value="">{placeholder}</option>
      {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
    </select>
  );
  return (
    <div role="region" aria-label="Bulk actions" data-testid="bulk-bar" className="sticky top-2 z-10 space-y-2 rounded-xl border border-indigo-200 bg-indigo-50 p-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium text-indigo-900" data-testid="bulk-count">{taskIds.length} selected</span>
        {pick('Set status', 'Set status…', Object.entries(statusOptions).map(([v, o]) => [v, o.label]), (v) => run({ kind: 'status', status: v as never }))}
        {pick('Set assignee', 'Assign to…', [['none', 'Nobody'], ...members.map((m): [string, string] => [m.userId, memberName(m)])], (v) => run({ kind: 'assignee', userId: v === 'none' ? null : v }))}
        {pick('Set milestone', 'Milestone…', [['none', 'No milestone'], ...milestones.map((m): [string, string] => [m.id, m.title])], (v) => run({ kind: 'milestone', milestoneId: v === 'none' ? null : v }))}
        <form className="flex gap-1" onSubmit={(e) => { e.preventDefault(); run({ kind: 'addLabels', labels: label.split(',') }); }}>
          <input aria-label="Add labels" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Add label" className={`${control} w-28`} />
          <button type="submit" disabled={bulk.pending} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">Add</button>
        </form>
        <DeleteTasks projectId={projectId} taskIds={taskIds} anyLinked={anyLinked} onDeleted={onDone} />
        <button type="button" onClick={onDone} className="ml-auto text-sm text-slate-600 hover:underline">Clear selection</button>
      </div>
      {bulk.pending && <p role="status" className="text-sm text-indigo-900">Updating {taskIds.length} tasks…</p>}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
