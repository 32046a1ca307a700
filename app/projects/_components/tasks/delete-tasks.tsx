'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteTasks } from '@/lib/actions/delete-tasks';
import { useServerAction } from '../use-server-action';

type Props = { projectId: string; taskIds: string[]; anyLinked: boolean; onDeleted?: () => void; redirectTo?: string };

/**
 * Delete with a confirmation; for tasks linked to an integration it asks whether the external
 * items stay as they are or are closed. Afterwards the project page offers Undo (?deleted=…).
 */
export function DeleteTasks({ projectId, taskIds, anyLinked, onDeleted, redirectTo }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [external, setExternal] = useState<'leave' | 'close'>('leave');
  const router = useRouter();
  const pathname = usePathname();
  const del = useServerAction(deleteTasks, {
    refresh: false,
    onSuccess: ({ deleted }) => {
      setConfirming(false);
      onDeleted?.();
      const target = redirectTo ?? pathname;
      const params = new URLSearchParams(redirectTo ? '' : window.location.search);
      params.set('deleted', deleted.join(','));
      router.push(`${target}?${params}`);
      router.refresh();
    },
  });
  const n = taskIds.length === 1 ? 'this task' : `${taskIds.length} tasks`;
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-red-300 bg-white px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50">
        Delete
      </button>
    );
  }
  return (
    <div role="dialog" aria-label="Delete tasks" className="w-full space-y-2 rounded-lg border border-red-200 bg-white p-3 text-sm">
      <p className="font-medium">Delete {n}? You can undo it right after.</p>
      {anyLinked && (
        <fieldset className="space-y-1">
          <legend className="text-slate-700">Some are linked to an integration. What should happen to the linked items?</legend>
          <label className="flex items-center gap-2"><input type="radio" name="external" checked={external === 'leave'} onChange={() => setExternal('leave')} /> Leave them as they are</label>
          <label className="flex items-center gap-2"><input type="radio" name="external" checked={external === 'close'} onChange={() => setExternal('close')} /> Close them (open tasks are marked Cancelled first, so a GitHub issue closes as not planned)</label>
        </fieldset>
      )}
      {del.formError && <p role="alert" className="text-red-700">{del.formError}</p>}
      <div className="flex gap-2">
        <button type="button" disabled={del.pending} onClick={() => del.run({ projectId, taskIds, external })} className="rounded-md bg-red-600 px-3 py-1 font-medium text-white hover:bg-red-600/90 disabled:bg-red-300">
          {del.pending ? 'Deleting…' : `Delete ${n}`}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="rounded-md px-3 py-1 text-slate-700 hover:bg-slate-100">Cancel</button>
      </div>
    </div>
  );
}
