'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/app/_components/ui';
import { exportTaskToIntegration } from '@/lib/actions/export-task-to-integration';

type Candidate = { id: string; title: string };
type Progress = { done: number; failed: { title: string; message: string }[]; total: number; running: boolean };

/**
 * Bulk export: pick tasks with no external item yet and create one for each, one request
 * at a time (GitHub asks for spaced writes), with a live count and the failures listed.
 */
export function BulkExport(props: { projectId: string; integrationId: string; providerName: string; tasks: Candidate[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<Progress | null>(null);
  if (props.tasks.length === 0 && !progress) return <p className="text-sm text-slate-500">Every task is linked to {props.providerName}.</p>;
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  async function run() {
    const picked = props.tasks.filter((t) => selected.has(t.id));
    let state: Progress = { done: 0, failed: [], total: picked.length, running: true };
    setProgress(state);
    for (const task of picked) {
      const r = await exportTaskToIntegration({ projectId: props.projectId, integrationId: props.integrationId, taskId: task.id });
      state = r.ok ? { ...state, done: state.done + 1 } : { ...state, done: state.done + 1, failed: [...state.failed, { title: task.title, message: r.error.message }] };
      setProgress(state);
    }
    setProgress({ ...state, running: false });
    setSelected(new Set());
    router.refresh();
  }
  return (
    <div className="space-y-3 text-sm" data-testid="bulk-export">
      <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
        {props.tasks.map((t) => (
          <li key={t.id}>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={selected.has(t.id)} onChange={() => toggle(t.id)} disabled={progress?.running} />
              <span className="truncate">{t.title}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" disabled={selected.size === 0 || progress?.running} onClick={run}>
          {progress?.running ? 'Exporting…' : `Create ${selected.size || ''} ${props.providerName} item${selected.size === 1 ? '' : 's'}`}
        </Button>
        <Button type="button" variant="secondary" disabled={progress?.running} onClick={() => setSelected(new Set(props.tasks.map((t) => t.id)))}>
          Select all
        </Button>
      </div>
      {progress && (
        <div role="status" data-testid="bulk-export-progress">
          <div className="h-2 w-full overflow-hidden rounded bg-slate-100">
            <div className="h-2 bg-indigo-600 transition-all" style={{ width: `${progress.total ? (progress.done / progress.total) * 100 : 0}%` }} />
          </div>
          <p className="mt-1">
            {progress.done} of {progress.total} done{progress.failed.length ? `, ${progress.failed.length} failed` : ''}{progress.running ? '…' : '.'}
          </p>
          {progress.failed.map((f) => (
            <p key={f.title} className="text-xs text-red-700">{f.title}: {f.message}</p>
          ))}
        </div>
      )}
    </div>
  );
}
