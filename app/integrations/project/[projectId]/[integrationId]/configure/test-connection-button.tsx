'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { testIntegrationConnection } from '@/lib/actions/test-integration-connection';

/** Re-runs the connection test with the stored settings. */
export function TestConnectionButton({ projectId, integrationId }: { projectId: string; integrationId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'green' | 'red' | 'amber'; text: string } | null>(null);
  const test = () =>
    startTransition(async () => {
      const r = await testIntegrationConnection({ projectId, integrationId });
      if (!r.ok) setMessage({ tone: 'red', text: r.error.message });
      else setMessage({ tone: r.data.status === 'connected' ? 'green' : r.data.status === 'unavailable' ? 'amber' : 'red', text: r.data.message });
      router.refresh();
    });
  return (
    <div className="space-y-2 pt-1">
      <Button variant="secondary" disabled={pending} onClick={test}>
        {pending ? 'Testing…' : 'Test connection'}
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}
