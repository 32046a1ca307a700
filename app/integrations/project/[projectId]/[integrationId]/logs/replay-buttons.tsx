'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/app/_components/ui';
import type { IntegrationWebhook } from '@/db/schema';
import { replayFailedWebhookDeliveries } from '@/lib/actions/replay-failed-webhook-deliveries';
import { replayWebhookDelivery } from '@/lib/actions/replay-webhook-delivery';
import { isUnfinished, statusWords } from './delivery-status';

type Ref = { projectId: string; integrationId: string };

/**
 * Runs a replay action, then shows its outcome and re-reads the list: the replayed rows show
 * pending, and DeliveryStatusWatcher follows them to their final status.
 */
function useReplay() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const run = (action: () => Promise<{ ok: true; data: { queued: number } } | { ok: false; error: { message: string } }>, onQueued?: () => void) =>
    start(async () => {
      const result = await action();
      if (!result.ok) setMessage(result.error.message);
      else if (result.data.queued === 0) setMessage('Nothing to replay (already being processed?).');
      else {
        setMessage(`Replay queued (${result.data.queued})…`);
        onQueued?.();
      }
      router.refresh();
    });
  return { pending, message, run };
}

type RowState = { status: IntegrationWebhook['status']; lastAttemptAt: string | null; error: string | null };

// "Replay" on one delivery: processed again through its provider's handler (idempotent). The
// row follows the replay (DeliveryStatusWatcher); once it has been attempted again and is no
// longer unfinished, the button says how it ended.
export function ReplayDeliveryButton({ projectId, integrationId, deliveryId, row }: Ref & { deliveryId: string; row: RowState }) {
  const { pending, message, run } = useReplay();
  /** The row's last attempt when the replay was queued: a newer one is the replay's. */
  const [queuedAfter, setQueuedAfter] = useState<{ at: string | null } | null>(null);
  const finished = queuedAfter !== null && row.lastAttemptAt !== queuedAfter.at && !isUnfinished(row.status);
  const onClick = () => {
    const before = row.lastAttemptAt;
    setQueuedAfter(null);
    run(() => replayWebhookDelivery({ projectId, integrationId, deliveryId }), () => setQueuedAfter({ at: before }));
  };
  const shown = finished ? `Replayed: ${statusWords(row.status)}${row.error ? ` — ${row.error}` : ''}.` : message;
  return (
    <div className="flex items-center gap-3">
      <Button variant="secondary" disabled={pending} data-testid="replay-delivery" onClick={onClick}>
        {pending ? 'Replaying…' : 'Replay'}
      </Button>
      {shown && <span role="status" className="text-slate-600">{shown}</span>}
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
