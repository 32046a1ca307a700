'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import type { SyncProgressView } from '@/lib/actions/get-sync-progress';
import { requestIntegrationSync } from '@/lib/actions/request-integration-sync';
import { progressKey, SyncProgress } from './sync-progress';

type Props = { projectId: string; integrationId: string; active: boolean; configured: boolean; logsHref: string; tasksHref: string };

const notices = {
  deferred: 'The job service was unreachable; the sync starts within a minute.',
  already_queued: 'A sync is already queued or running.',
} as const;

/**
 * "Sync now" and the run it starts, in one place: the click marks the run queued at once and
 * re-reads the progress (no wait for the next poll), then running with live counts, then done
 * with a link to the tasks of this integration. Only notices that still hold are shown.
 */
export function SyncNowButton({ projectId, integrationId, active, configured, logsHref, tasksHref }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ tone: 'amber' | 'red'; text: string } | null>(null);
  const key = progressKey(integrationId);
  const sync = () =>
    startTransition(async () => {
      setNotice(null);
      queryClient.setQueryData<SyncProgressView>(key, (v) => (v ? { ...v, syncStatus: 'queued' } : v));
      const r = await requestIntegrationSync({ projectId, integrationId });
      if (!r.ok) setNotice({ tone: 'red', text: r.error.message });
      else if (r.data.outcome === 'deferred' || r.data.outcome === 'already_queued') setNotice({ tone: 'amber', text: notices[r.data.outcome] });
      await queryClient.invalidateQueries({ queryKey: key });
    });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={sync} disabled={pending || !configured} aria-describedby={notice ? 'sync-notice' : undefined}>
          {pending ? 'Queuing…' : 'Sync now'}
        </Button>
        <Link href={logsHref} className="text-sm text-indigo-700 hover:text-indigo-900">
          See sync logs
        </Link>
      </div>
      {!configured && <p className="text-sm text-slate-600">Set the external id on the configure page first.</p>}
      {notice && (
        <div id="sync-notice">
          <Alert tone={notice.tone}>{notice.text}</Alert>
        </div>
      )}
      <SyncProgress
        projectId={projectId}
        integrationId={integrationId}
        initiallyActive={active}
        tasksHref={tasksHref}
        onFinished={() => {
          setNotice(null);
          router.refresh(); // "Last sync" and the status above
        }}
      />
    </div>
  );
}
