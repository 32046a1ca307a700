'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { type TaskQuery, taskQueryHref, type TaskView } from '@/lib/tasks/task-query';
import { memberName, type MemberOption, type MilestoneOption, priorityOptions, statusOptions } from '../task-options';

type Props = {
  projectId: string;
  query: TaskQuery;
  view: TaskView;
  members: MemberOption[];
  milestones: MilestoneOption[];
  labels: string[];
  integrations: Array<{ id: string; label: string }>;
};

const selectClass = 'min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500';

/** Search, filters and sort, all in the URL (a view can be shared); any change starts from the first page. */
export function TaskFilters({ projectId, query, view, members, milestones, labels, integrations }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const apply = () => {
    const data = new FormData(form.current!);
    const changes: Record<string, string | undefined> = { after: undefined };
    for (const [key, value] of data.entries()) changes[key] = String(value).trim() || undefined;
    router.push(taskQueryHref(`/projects/${projectId}`, { ...query, view: query.view }, changes));
  };
  const link = query.link ? `${query.link.mode}:${query.link.integrationId}` : '';
  const field = (name: string, label: string, value: string, options: Array<[string, string]>, all = 'Any') => (
    <label className="flex min-w-0 flex-col gap-0.5 text-xs font-medium text-slate-600">
      {label}
      <select name={name} aria-label={label} defaultValue={value} onChange={apply} className={selectClass}>
        <option value="">{all}</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );
  const active = ['q', 'status', 'priority', 'assignee', 'label', 'milestone', 'due', 'link'].some((k) => query[k as keyof TaskQuery] !== undefined);
  return (
    <form
      ref={form}
      key={JSON.stringify(query)}
      aria-label="Filter tasks"
      data-testid="task-filters"
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-3 shadow-sm"
      onSubmit={(e) => { e.preventDefault(); apply(); }}
    >
      <div className="flex gap-2">
        <label htmlFor="task-search" className="sr-only">Search tasks</label>
        <input id="task-search" name="q" type="search" defaultValue={query.q ?? ''} placeholder="Search title and description" className={`${selectClass} flex-1`} />
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">Search</button>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-5">
        {view === 'list' && field('status', 'Status', query.status ?? '', Object.entries(statusOptions).map(([v, o]) => [v, o.label]))}
        {field('priority', 'Priority', query.priority ?? '', Object.entries(priorityOptions).map(([v, o]) => [v, o.label]))}
        {field('assignee', 'Assignee', query.assignee ?? '', [['none', 'Unassigned'], ...members.map((m): [string, string] => [m.userId, memberName(m)])])}
        {field('label', 'Label', query.label ?? '', labels.map((l): [string, string] => [l, l]))}
        {field('milestone', 'Milestone', query.milestone ?? '', [['none', 'No milestone'], ...milestones.map((m): [string, string] => [m.id, m.title])])}
        {field('due', 'Due', query.due ?? '', [['overdue', 'Overdue'], ['week', 'Due in the next 7 days'], ['none', 'No due date']])}
        {integrations.length > 0 &&
          field('link', 'Integration', link, integrations.flatMap((i): Array<[string, string]> => [[`linked:${i.id}`, `Linked to ${i.label}`], [`unlinked:${i.id}`, `Not linked to ${i.label}`]]))}
        {field('sort', 'Sort by', query.sort === 'updated' ? '' : query.sort, [['title', 'Title'], ['status', 'Status'], ['priority', 'Priority'], ['due', 'Due date']], 'Last updated')}
        {field('dir', 'Order', query.dir ?? '', [['asc', 'Ascending'], ['desc', 'Descending']], 'Default')}
        {view === 'list' && field('per', 'Per page', query.per ? String(query.per) : '', [['25', '25'], ['100', '100'], ['200', '200']], '50')}
      </div>
      {active && (
        <Link href={taskQueryHref(`/projects/${projectId}`, { sort: query.sort, dir: query.dir, view: query.view, per: query.per }, {})} className="inline-block text-sm text-indigo-700 hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
