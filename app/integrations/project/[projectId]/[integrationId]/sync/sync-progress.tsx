'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, type BadgeTone, formatDateTime } from '@/app/_components/ui';
import type { SyncRun } from '@/db/schema';
import { getSyncProgress, type SyncProgressView } from '@/lib/actions/get-sync-progress';

const runTone: Record<SyncRun['status'], BadgeTone> = { success: 'green', error: 'red', paused: 'amber', interrupted: 'amber', running: 'blue' };

const live = (v: SyncProgressView | undefined) =>
  Boolean(v && (v.syncStatus === 'queued' || v.syncStatus === 'syncing' || v.run?.status === 'running' || v.run?.status === 'paused'));

/**
 * The latest sync run, live: polls every second while a sync is queued, running or paused
 * on a rate limit (pages, items, created/updated), then shows the result with its
 * duration (or "interrupted" when the server running it died and a new run took over), and
 * the provider's API quota as last seen.
 */
export function SyncProgress({ projectId, integrationId }: { projectId: string; integrationId: string }) {
  const { data } = useQuery({
    queryKey: ['sync-progress', integrationId],
    queryFn: async () => {
      const r = await getSyncProgress({ projectId, integrationId });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    refetchInterval: (q) => (live(q.state.data) ? 1000 : 5000),
  });
  if (!data) return null;
  const { run, quota } = data;
  return (
    <div className="space-y-3 text-sm" data-testid="sync-progress">
      {run ? (
        <div className="rounded-md border border-slate-200 px-3 py-2">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">Latest run</span>
            <Badge tone={runTone[run.status]}>
              <span data-testid="sync-run-status">{run.status}</span>
            </Badge>
            <span className="text-xs text-slate-500">started {formatDateTime(run.startedAt)}</span>
          </p>
          <p className="mt-1" data-testid="sync-run-counts">
            {run.notModified
              ? 'Nothing changed since the last sync.'
              : `${run.pages} pages · ${run.fetched} items · ${run.created} created · ${run.updated} updated · ${run.unchanged} unchanged${run.conflicts ? ` · ${run.conflicts} conflicts` : ''}`}
          </p>
          {run.status === 'paused' && run.resumeAt && (
            <p className="mt-1 text-amber-800">Paused on the provider&apos;s rate limit; resumes at {formatDateTime(run.resumeAt)}.</p>
          )}
          {run.durationMs !== null && <p className="mt-1 text-xs text-slate-500">Took {(run.durationMs / 1000).toFixed(1)} s.</p>}
          {run.error && <p className={`mt-1 break-words ${run.status === 'interrupted' ? 'text-amber-800' : 'text-red-700'}`}>{run.error}</p>}
        </div>
      ) : (
        <p className="text-slate-500">No sync has run yet.</p>
      )}
      {quota && (
        <p className="text-xs text-slate-600" data-testid="api-quota">
          API quota: {quota.remaining ?? '?'} of {quota.limit ?? '?'} requests left
          {quota.resetAt && `, resets ${formatDateTime(quota.resetAt)}`}.
        </p>
      )}
    </div>
  );
}
