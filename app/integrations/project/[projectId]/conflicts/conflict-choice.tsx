'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button, Input } from '@/app/_components/ui';
import { resolveSyncConflict } from '@/lib/actions/resolve-sync-conflict';

type Props = { projectId: string; conflictId: string; providerName: string; initial: string };

/** Keep the app's value, the provider's, or type the value both sides get. */
export function ConflictChoice({ projectId, conflictId, providerName, initial }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const choose = (input: { choice: 'app' | 'provider' } | { choice: 'edit'; value: string }) =>
    start(async () => {
      setError(null);
      const r = await resolveSyncConflict({ projectId, conflictId, ...input });
      if (!r.ok) setError(r.error.message);
      else router.refresh();
    });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button disabled={pending} onClick={() => choose({ choice: 'app' })}>Keep Taskbridge value</Button>
        <Button disabled={pending} variant="secondary" onClick={() => choose({ choice: 'provider' })}>Keep {providerName} value</Button>
        <Button disabled={pending} variant="secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>Edit value</Button>
      </div>
      {editing && (
        <form className="flex flex-wrap gap-2" onSubmit={(e) => { e.preventDefault(); choose({ choice: 'edit', value }); }}>
          <label className="sr-only" htmlFor={`value-${conflictId}`}>Value for both sides</label>
          <Input id={`value-${conflictId}`} className="min-w-0 flex-1" value={value} onChange={(e) => setValue(e.target.value)} />
          <Button disabled={pending} type="submit">Apply to both sides</Button>
        </form>
      )}
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
