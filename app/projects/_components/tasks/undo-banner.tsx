'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { restoreTasks } from '@/lib/actions/restore-tasks';
import { useServerAction } from '../use-server-action';

const UNDO_MS = 10_000;

/** After a delete (?deleted=id,id): "Deleted N tasks. Undo" for ~10 s, then the URL drops the param. */
export function UndoBanner({ projectId }: { projectId: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const ids = (params.get('deleted') ?? '').split(',').filter(Boolean).slice(0, 200);
  const key = ids.join(',');
  const dismiss = () => {
    const next = new URLSearchParams(params.toString());
    next.delete('deleted');
    router.replace(next.size ? `${pathname}?${next}` : pathname, { scroll: false });
  };
  const restore = useServerAction(restoreTasks, { onSuccess: dismiss });
  useEffect(() => {
    if (!key) return;
    const timer = setTimeout(dismiss, UNDO_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart only when another delete happens
  }, [key]);
  if (ids.length === 0) return null;
  return (
    <div role="status" data-testid="undo-banner" className="flex flex-wrap items-center gap-3 rounded-lg bg-slate-800 px-4 py-2 text-sm text-slate-50 shadow">
      <span>Deleted {ids.length === 1 ? '1 task' : `${ids.length} tasks`}.</span>
      <button type="button" disabled={restore.pending} onClick={() => restore.run({ projectId, taskIds: ids })} className="font-semibold text-indigo-200 underline hover:text-slate-50">
        {restore.pending ? 'Restoring…' : 'Undo'}
      </button>
      {restore.formError && <span className="text-red-300">{restore.formError}</span>}
    </div>
  );
}
