'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { requestIntegrationSync } from '@/lib/actions/request-integration-sync';

type Props = { projectId: string; integrationId: string; active: boolean; configured: boolean; logsHref: string };

const outcomeText = {
  sent: 'Sync queued (sent to Inngest).',
  'in-process': 'Sync queued; it runs in this server now.',
  deferred: 'Sync queued; Inngest was unreachable, the sweep will send it shortly.',
  already_queued: 'A sync is already queued or running.',
} as const;

/** "Sync now", then refreshes the page while the sync is queued or running. */
export function SyncNowButton({ projectId, integrationId, active, configured, logsHref }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'green' | 'amber' | 'red'; text: string } | null>(null);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [active, router]);
  const sync = () =>
    startTransition(async () => {
      const r = await requestIntegrationSync({ projectId, integrationId });
      if (!r.ok) setMessage({ tone: 'red', text: r.error.message });
      else setMessage({ tone: r.data.outcome === 'already_queued' ? 'amber' : 'green', text: outcomeText[r.data.outcome] });
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={sync} disabled={pending}>{pending ? 'Queuing…' : 'Sync now'}</Button>
        <Link href={logsHref} className="text-sm text-indigo-700 hover:text-indigo-900">See sync logs</Link>
      </div>
      {!configured && <p className="text-sm text-slate-600">Set the external id on the configure page first.</p>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}
