'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { decideSyncSafetyHold } from '@/lib/actions/decide-safety-hold';

type Props = { projectId: string; integrationId: string; holdId: string; message: string; threshold: number; samples: { key: string; title: string }[]; canDecide: boolean };

/** A sync stopped by the circuit breaker: what it would do, and the owner's Confirm / Cancel. */
export function SafetyHold({ projectId, integrationId, holdId, message, threshold, samples, canDecide }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: 'confirm' | 'cancel') =>
    start(async () => {
      setError(null);
      const r = await decideSyncSafetyHold({ projectId, integrationId, holdId, decision });
      if (!r.ok) setError(r.error.message);
      router.refresh();
    });
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="safety-hold" role="status">
      <p className="font-medium text-amber-900">{message}.</p>
      <p className="text-sm text-amber-900">Nothing was written. The limit for one sync is {threshold}; it can be changed in the integration&apos;s settings.</p>
      {samples.length > 0 && (
        <ul className="space-y-0.5 text-sm">
          {samples.map((s) => (
            <li key={s.key} className="break-words"><span className="font-mono text-xs">{s.key}</span> {s.title}</li>
          ))}
        </ul>
      )}
      {canDecide ? (
        <div className="flex flex-wrap gap-2">
          <Button disabled={pending} onClick={() => decide('confirm')}>Confirm and sync</Button>
          <Button disabled={pending} variant="secondary" onClick={() => decide('cancel')}>Cancel</Button>
        </div>
      ) : (
        <p className="text-sm text-slate-700">An owner of the project confirms or cancels it.</p>
      )}
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
