'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { VIEW_COOKIE } from '@/lib/tasks/local-dates';
import { type TaskQuery, taskQueryHref, type TaskView } from '@/lib/tasks/task-query';

const remember = (view: TaskView) => {
  document.cookie = `${VIEW_COOKIE}=${view}; path=/; max-age=31536000; samesite=lax`;
};

/** List | Board. The choice is remembered in a cookie; a `view` in the URL wins (and is remembered too). */
export function ViewSwitch({ projectId, query, view }: { projectId: string; query: TaskQuery; view: TaskView }) {
  useEffect(() => {
    if (query.view) remember(query.view);
  }, [query.view]);
  return (
    <nav aria-label="Task view" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
      {(['list', 'board'] as const).map((v) => (
        <Link
          key={v}
          href={taskQueryHref(`/projects/${projectId}`, { ...query, after: undefined }, { view: v })}
          onClick={() => remember(v)}
          aria-current={v === view ? 'page' : undefined}
          className={`rounded px-3 py-1 font-medium ${v === view ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
        >
          {v === 'list' ? 'List' : 'Board'}
        </Link>
      ))}
    </nav>
  );
}
