'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/app/_components/ui';
import { replayFailedWebhookDeliveries } from '@/lib/actions/replay-failed-webhook-deliveries';
import { replayWebhookDelivery } from '@/lib/actions/replay-webhook-delivery';

type Ref = { projectId: string; integrationId: string };

/** Runs a replay action, then shows its outcome and refreshes the list (status changes as it is processed). */
function useReplay() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const run = (action: () => Promise<{ ok: true; data: { queued: number } } | { ok: false; error: { message: string } }>) =>
    start(async () => {
      const result = await action();
      if (!result.ok) setMessage(result.error.message);
      else setMessage(result.data.queued === 0 ? 'Nothing to replay (already being processed?).' : `Replay queued (${result.data.queued}).`);
      router.refresh();
    });
  return { pending, message, run };
}

// "Replay" on one delivery: processed again through its provider's handler (idempotent).
export function ReplayDeliveryButton({ projectId, integrationId, deliveryId }: Ref & { deliveryId: string }) {
  const { pending, message, run } = useReplay();
  return (
    <div className="flex items-center gap-3">
      <Button variant="secondary" disabled={pending} data-testid="replay-delivery" onClick={() => run(() => replayWebhookDelivery({ projectId, integrationId, deliveryId }))}>
        {pending ? 'Replaying…' : 'Replay'}
      </Button>
      {message && <span role="status" className="text-slate-600">{message}</span>}
    </div>
  );
}

// "Replay all failed": every failed delivery of this integration back through processing.
export function ReplayFailedButton({ projectId, integrationId, failedCount }: Ref & { failedCount: number }) {
  const { pending, message, run } = useReplay();
  return (
    <div className="flex items-center gap-3">
      {message && <span role="status" className="text-xs text-slate-600">{message}</span>}
      <Button variant="secondary" disabled={pending || failedCount === 0} data-testid="replay-failed" onClick={() => run(() => replayFailedWebhookDeliveries({ projectId, integrationId }))}>
        {pending ? 'Replaying…' : `Replay all failed${failedCount > 0 ? ` (${failedCount})` : ''}`}
      </Button>
    </div>
  );
}
