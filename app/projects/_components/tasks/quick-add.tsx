'use client';

import Link from 'next/link';
import { useState } from 'react';
import { asSentence } from '@/app/_components/ui';
import { createTask } from '@/lib/actions/create-task';
import { useServerAction } from '../use-server-action';

/** A title and Enter creates a task (status To do); the full form is a link away. */
export function QuickAdd({ projectId }: { projectId: string }) {
  const [title, setTitle] = useState('');
  const create = useServerAction(createTask, { onSuccess: () => setTitle('') });
  const error = create.fieldError('title') ?? create.formError;
  return (
    <form
      aria-label="Quick add task"
      data-testid="quick-add"
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!create.pending) create.run({ projectId, title });
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor="quick-add-title" className="sr-only">New task title</label>
        <input
          id="quick-add-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          placeholder="Add a task… (Enter to create)"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'quick-add-error' : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-red-600"
        />
        {error && <p id="quick-add-error" role="alert" className="mt-1 text-xs text-red-700" data-field-error="quick-add-title">{asSentence(error)}</p>}
      </div>
      <button type="submit" disabled={create.pending} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-600/90 disabled:bg-indigo-300">
        {create.pending ? 'Adding…' : 'Add'}
      </button>
      <Link href={`/projects/${projectId}/tasks/new`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
        New task…
      </Link>
    </form>
  );
}
