'use client';

import { useQuery } from '@tanstack/react-query';
import { getSyncProgress } from '@/lib/actions/get-sync-progress';

const active = (status: string | undefined) => status === 'running' || status === 'paused';

/**
 * A running sync (a backfill), live: items done, the rate since it started and, when the
 * provider reported how many items there are (`expectedTotal`), the ETA. Polls every two
 * seconds while a run is active, every 15 s otherwise; renders nothing when no run is active.
 */
export function LiveBackfill({ projectId, integrationId, expectedTotal }: { projectId: string; integrationId: string; expectedTotal?: number | null }) {
  const { data } = useQuery({
    queryKey: ['sync-progress', integrationId],
    queryFn: async () => {
      const r = await getSyncProgress({ projectId, integrationId });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    refetchInterval: (q) => (active(q.state.data?.run?.status) || q.state.data?.syncStatus === 'queued' ? 2000 : 15_000),
  });
  const run = data?.run;
  if (!run || !active(run.status)) return null;
  const elapsedS = Math.max(1, (Date.now() - new Date(run.startedAt).getTime()) / 1000);
  const perMin = (run.fetched / elapsedS) * 60;
  const left = expectedTotal ? Math.max(0, expectedTotal - run.fetched) : null;
  const etaMin = left !== null && perMin > 0 ? left / perMin : null;
  return (
    <div className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="live-backfill" role="status">
      <p className="font-medium">{run.status === 'paused' ? 'Sync paused on the rate limit' : 'Sync running'}</p>
      <p>
        <span data-testid="backfill-done">{run.fetched}{expectedTotal ? ` of ${expectedTotal}` : ''} items</span> · {run.pages} pages ·{' '}
        <span data-testid="backfill-rate">{perMin.toFixed(0)} items/min</span>
        {etaMin !== null && <> · <span data-testid="backfill-eta">about {etaMin < 1 ? 'a minute' : `${Math.ceil(etaMin)} min`} left</span></>}
        {run.status === 'paused' && run.resumeAt && <> · resumes {new Date(run.resumeAt).toLocaleTimeString()}</>}
      </p>
      {expectedTotal ? (
        <div className="mt-2 h-1.5 overflow-hidden rounded bg-sky-100">
          <div className="h-full bg-sky-500" style={{ width: `${Math.min(100, (100 * run.fetched) / expectedTotal)}%` }} />
        </div>
      ) : null}
    </div>
  );
}
