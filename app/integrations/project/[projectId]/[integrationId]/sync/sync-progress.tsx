'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { Badge, type BadgeTone, formatDateTime } from '@/app/_components/ui';
import type { ProjectIntegration, SyncRun } from '@/db/schema';
import { getSyncProgress, type SyncProgressView } from '@/lib/actions/get-sync-progress';
import { SyncBadge } from '../../_components/status-badges';

const runTone: Record<SyncRun['status'], BadgeTone> = { success: 'green', error: 'red', paused: 'amber', interrupted: 'amber', running: 'blue', held: 'amber' };
const runLabel: Record<SyncRun['status'], string> = { success: 'done', error: 'failed', paused: 'paused', interrupted: 'interrupted', running: 'running', held: 'paused by the safety check' };

export const progressKey = (integrationId: string) => ['sync-progress', integrationId] as const;

const live = (v: SyncProgressView | undefined) =>
  Boolean(v && (v.syncStatus === 'queued' || v.syncStatus === 'syncing' || v.run?.status === 'running' || v.run?.status === 'paused'));

type Props = { projectId: string; integrationId: string; initiallyActive: boolean; tasksHref: string; onFinished: () => void };

/**
 * The page's "Sync status", kept in step with the progress below: it reads the same query (no
 * poll of its own), so a click shows "queued" here too and it never says "idle" beside a running sync.
 */
export function LiveSyncStatus({ integrationId, initial }: { integrationId: string; initial: ProjectIntegration['syncStatus'] }) {
  const { data } = useQuery<SyncProgressView>({ queryKey: progressKey(integrationId), enabled: false });
  return <SyncBadge status={data?.syncStatus ?? initial} />;
}

/**
 * The latest sync run, live: queued → running (pages, items, created/updated, polled every
 * second) → done with its duration and a link to the tasks it brought in (or "interrupted"
 * when the server running it died and a new run took over), and the API quota as last seen.
 */
export function SyncProgress({ projectId, integrationId, initiallyActive, tasksHref, onFinished }: Props) {
  const { data } = useQuery({
    queryKey: progressKey(integrationId),
    queryFn: async () => {
      const r = await getSyncProgress({ projectId, integrationId });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    refetchInterval: (q) => (live(q.state.data) || (!q.state.data && initiallyActive) ? 1000 : 10_000),
  });
  const wasLive = useRef(initiallyActive);
  const isLive = live(data);
  useEffect(() => {
    if (wasLive.current && data && !isLive) onFinished();
    wasLive.current = isLive;
  }, [data, isLive, onFinished]);
  if (!data) return null;
  const { run, quota } = data;
  // Queued and the latest run is an old, finished one: say "queued", not the old result.
  const queued = data.syncStatus === 'queued' && run?.status !== 'running' && run?.status !== 'paused';
  return (
    <div className="space-y-3 text-sm" data-testid="sync-progress" aria-live="polite">
      {queued ? (
        <p className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2">
          <Badge tone="blue">
            <span data-testid="sync-run-status">queued</span>
          </Badge>
          Starting…
        </p>
      ) : run ? (
        <div className="rounded-md border border-slate-200 px-3 py-2">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">Latest run</span>
            <Badge tone={runTone[run.status]}>
              <span data-testid="sync-run-status">{runLabel[run.status]}</span>
            </Badge>
            <span className="text-xs text-slate-600">started {formatDateTime(run.startedAt)}</span>
          </p>
          <p className="mt-1" data-testid="sync-run-counts">
            {run.notModified
              ? 'Nothing changed since the last sync.'
              : `${run.pages} pages · ${run.fetched} items · ${run.created} created · ${run.updated} updated · ${run.unchanged} unchanged${run.conflicts ? ` · ${run.conflicts} conflicts` : ''}`}
          </p>
          {run.status === 'paused' && run.resumeAt && (
            <p className="mt-1 text-amber-800">Paused on the provider&apos;s rate limit; resumes at {formatDateTime(run.resumeAt)}.</p>
          )}
          {run.durationMs !== null && <p className="mt-1 text-xs text-slate-600">Took {(run.durationMs / 1000).toFixed(1)} s.</p>}
          {run.error && <p className={`mt-1 break-words ${run.status === 'interrupted' ? 'text-amber-800' : 'text-red-700'}`}>{run.error}</p>}
          {run.status === 'success' && (
            <Link href={tasksHref} className="mt-2 inline-block font-medium text-indigo-700 hover:underline" data-testid="sync-tasks-link">
              {run.created > 0 ? `View the ${run.created} imported tasks` : 'View the tasks linked to this integration'}
            </Link>
          )}
        </div>
      ) : (
        <p className="text-slate-600">No sync has run yet.</p>
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
